package dev.rpcadapter.client;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Code {@code -32005}: too many requests. When the server answered HTTP 429 with a
 * {@code Retry-After} header, {@link #retryAfter()} says how long to wait.
 */
public class RateLimitedException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	public RateLimitedException(RpcError error, int httpStatus, @Nullable Duration retryAfter) {
		super(error, httpStatus);
		this.retryAfter = retryAfter;
	}

	/**
	 * @return the server's {@code Retry-After} delay, empty when it sent none
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
