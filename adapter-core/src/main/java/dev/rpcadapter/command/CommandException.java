package dev.rpcadapter.command;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a command to fail with a domain error. Clients receive code {@code -32000}
 * (or the given code), this exception's message, and its data.
 */
public class CommandException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int code;

	private final transient @Nullable Object data;

	public CommandException(String message) {
		this(-32000, message, null);
	}

	public CommandException(String message, @Nullable Object data) {
		this(-32000, message, data);
	}

	/**
	 * @param code an application error code; must not be one of the reserved codes of
	 * JSON-RPC (-32768..-32100 except the adapter's own -32000..-32099 range)
	 */
	public CommandException(int code, String message, @Nullable Object data) {
		super(message);
		if (code >= -32768 && code <= -32100) {
			throw new IllegalArgumentException(
					"Code " + code + " is reserved by JSON-RPC 2.0; use -32000..-32099 or an application code");
		}
		this.code = code;
		this.data = data;
	}

	public static CommandException withData(String message, Map<String, ?> data) {
		return new CommandException(message, data);
	}

	public int code() {
		return this.code;
	}

	public @Nullable Object data() {
		return this.data;
	}

}
