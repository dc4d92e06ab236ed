package dev.rpcadapter.jsonrpc;

/**
 * Carries a JSON-RPC error object up to the dispatcher, which answers with it unchanged.
 * Its message is the error's message, which is meant for clients.
 */
public class JsonRpcException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient JsonRpcError error;

	public JsonRpcException(JsonRpcError error) {
		super(error.message(), null, false, false);
		this.error = error;
	}

	public JsonRpcError error() {
		return this.error;
	}

}
