package dev.rpcadapter.mcp;

/**
 * A protocol error answered as a JSON-RPC error object (never carries exception text of a
 * cause).
 */
final class McpException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	static final int INVALID_REQUEST = -32600;

	static final int METHOD_NOT_FOUND = -32601;

	static final int INVALID_PARAMS = -32602;

	private final int code;

	McpException(int code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	int code() {
		return this.code;
	}

	static McpException invalidParams(String message) {
		return new McpException(INVALID_PARAMS, message);
	}

}
