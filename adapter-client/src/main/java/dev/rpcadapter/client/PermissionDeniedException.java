package dev.rpcadapter.client;

/**
 * Code {@code -32002}: the caller's role does not allow this command. Usually HTTP 403.
 */
public class PermissionDeniedException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	public PermissionDeniedException(RpcError error, int httpStatus) {
		super(error, httpStatus);
	}

}
