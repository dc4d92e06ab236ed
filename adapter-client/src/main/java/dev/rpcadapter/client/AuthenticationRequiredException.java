package dev.rpcadapter.client;

/**
 * Code {@code -32001}: no credentials were sent, or they were rejected. Usually HTTP 401.
 */
public class AuthenticationRequiredException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	public AuthenticationRequiredException(RpcError error, int httpStatus) {
		super(error, httpStatus);
	}

}
