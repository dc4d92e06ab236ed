package dev.rpcadapter.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The server answered a call with a JSON-RPC error object. Codes with a dedicated meaning
 * are thrown as subclasses ({@link MethodNotFoundException},
 * {@link InvalidParamsException}, {@link AuthenticationRequiredException},
 * {@link PermissionDeniedException}, {@link ServerTimeoutException},
 * {@link JobNotFoundException}, {@link RateLimitedException},
 * {@link QueueFullException}); the others (parse error, invalid request, internal error,
 * command failed, custom codes) as this class. Compare {@link #code()} with
 * {@link RpcErrorCodes}.
 */
public class RpcErrorException extends RpcException {

	private static final long serialVersionUID = 1L;

	private final transient RpcError error;

	private final int httpStatus;

	public RpcErrorException(RpcError error, int httpStatus) {
		super(error.code() + " " + error.message());
		this.error = error;
		this.httpStatus = httpStatus;
	}

	/**
	 * Creates the exception that best fits the error's code.
	 * @param error the error object from the server
	 * @param httpStatus the HTTP status of the response that carried it, {@code 0} when
	 * it came over WebSocket
	 * @param retryAfter the HTTP {@code Retry-After} delay, if the server sent one
	 * @return the exception, a subclass for well-known codes
	 */
	public static RpcErrorException of(RpcError error, int httpStatus, @Nullable Duration retryAfter) {
		return switch (error.code()) {
			case RpcErrorCodes.METHOD_NOT_FOUND -> new MethodNotFoundException(error, httpStatus);
			case RpcErrorCodes.INVALID_PARAMS -> new InvalidParamsException(error, httpStatus);
			case RpcErrorCodes.AUTHENTICATION_REQUIRED -> new AuthenticationRequiredException(error, httpStatus);
			case RpcErrorCodes.PERMISSION_DENIED -> new PermissionDeniedException(error, httpStatus);
			case RpcErrorCodes.TIMED_OUT -> new ServerTimeoutException(error, httpStatus);
			case RpcErrorCodes.JOB_NOT_FOUND -> new JobNotFoundException(error, httpStatus);
			case RpcErrorCodes.RATE_LIMITED -> new RateLimitedException(error, httpStatus, retryAfter);
			case RpcErrorCodes.QUEUE_FULL -> new QueueFullException(error, httpStatus);
			default -> new RpcErrorException(error, httpStatus);
		};
	}

	/**
	 * @return the error object as sent by the server
	 */
	public RpcError error() {
		return this.error;
	}

	/**
	 * @return the JSON-RPC error code
	 */
	public int code() {
		return this.error.code();
	}

	/**
	 * @return the server's error message
	 */
	public String errorMessage() {
		return this.error.message();
	}

	/**
	 * @return the error's {@code data} member, {@code null} when absent
	 */
	public @Nullable JsonNode data() {
		return this.error.data();
	}

	/**
	 * @return HTTP status of the response that carried the error, {@code 0} over
	 * WebSocket
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

}
