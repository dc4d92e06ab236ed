package dev.rpcadapter.client;

/**
 * Code {@code -32004}: no job with that id, it was removed after retention, or it belongs
 * to another caller.
 */
public class JobNotFoundException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	public JobNotFoundException(RpcError error, int httpStatus) {
		super(error, httpStatus);
	}

}
