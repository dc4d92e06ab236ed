package dev.rpcadapter.client;

/**
 * The server answered, but not with what JSON-RPC 2.0 or the rpc-adapter contract allows:
 * invalid JSON, a response without {@code result} or {@code error}, a batch response
 * missing an id, an unknown job status.
 */
public class RpcProtocolException extends RpcException {

	private static final long serialVersionUID = 1L;

	public RpcProtocolException(String message) {
		super(message);
	}

}
