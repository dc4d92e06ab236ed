package dev.rpcadapter.jsonrpc;

/** The error codes of JSON-RPC 2.0 (§5.1) and of the adapter's server-error range. */
public final class ErrorCodes {

	/** Invalid JSON was received. */
	public static final int PARSE_ERROR = -32700;

	/** The JSON sent is not a valid request object (also: batch or body too large). */
	public static final int INVALID_REQUEST = -32600;

	/** The method does not exist or is not available. */
	public static final int METHOD_NOT_FOUND = -32601;

	/** Invalid method parameters; {@code data.errors} lists them. */
	public static final int INVALID_PARAMS = -32602;

	/** Internal error; {@code data.error_id} correlates with the server log. */
	public static final int INTERNAL_ERROR = -32603;

	/** The command failed with its own {@code CommandException}. */
	public static final int COMMAND_FAILED = -32000;

	/** Authentication required or failed. */
	public static final int AUTHENTICATION_REQUIRED = -32001;

	/** The caller's roles do not allow this command. */
	public static final int PERMISSION_DENIED = -32002;

	/** The command or job timed out. */
	public static final int TIMED_OUT = -32003;

	/** No job with that id (or not visible to the caller). */
	public static final int JOB_NOT_FOUND = -32004;

	/** Rate limit exceeded. */
	public static final int RATE_LIMITED = -32005;

	/** The queue is full or the server is overloaded. */
	public static final int QUEUE_FULL = -32006;

	private ErrorCodes() {
	}

}
