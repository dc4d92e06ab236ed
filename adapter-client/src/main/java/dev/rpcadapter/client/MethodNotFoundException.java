package dev.rpcadapter.client;

/**
 * Code {@code -32601}: the method does not exist, or the caller may not see it.
 */
public class MethodNotFoundException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	public MethodNotFoundException(RpcError error, int httpStatus) {
		super(error, httpStatus);
	}

}
