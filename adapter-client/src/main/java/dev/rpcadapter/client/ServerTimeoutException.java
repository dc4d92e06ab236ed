package dev.rpcadapter.client;

/**
 * Code {@code -32003}: the server gave up on the call or job because it took too long.
 */
public class ServerTimeoutException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	public ServerTimeoutException(RpcError error, int httpStatus) {
		super(error, httpStatus);
	}

}
