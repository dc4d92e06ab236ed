package dev.rpcadapter.client;

/**
 * Error codes an rpc-adapter server sends: the JSON-RPC 2.0 spec codes and the adapter's
 * own range {@code -32000..-32006}.
 */
public final class RpcErrorCodes {

	/** Invalid JSON was received. */
	public static final int PARSE_ERROR = -32700;

	/** The JSON sent is not a valid request (also: batch or body too large). */
	public static final int INVALID_REQUEST = -32600;

	/** The method does not exist or is not available to the caller. */
	public static final int METHOD_NOT_FOUND = -32601;

	/**
	 * Invalid method parameters; {@code data.errors} lists {@code {"param","message"}}.
	 */
	public static final int INVALID_PARAMS = -32602;

	/** Internal server error; {@code data.error_id} correlates with the server log. */
	public static final int INTERNAL_ERROR = -32603;

	/** The command itself failed (a command's own exception). */
	public static final int COMMAND_FAILED = -32000;

	/** Authentication required or failed. */
	public static final int AUTHENTICATION_REQUIRED = -32001;

	/** The caller's role does not allow this command. */
	public static final int PERMISSION_DENIED = -32002;

	/** The call or job timed out on the server. */
	public static final int TIMED_OUT = -32003;

	/** No job with that id (or not visible to the caller). */
	public static final int JOB_NOT_FOUND = -32004;

	/** Rate limit exceeded. */
	public static final int RATE_LIMITED = -32005;

	/** Queue full or server overloaded. */
	public static final int QUEUE_FULL = -32006;

	private RpcErrorCodes() {
	}

}
