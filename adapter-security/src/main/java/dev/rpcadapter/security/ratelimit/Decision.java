package dev.rpcadapter.security.ratelimit;

import java.time.Duration;

/**
 * The outcome of {@link RateLimiter#tryAcquire(String)}.
 *
 * @param allowed whether the call may proceed
 * @param retryAfter when rejected, how long until a permit is available; zero when
 * allowed
 * @param remaining permits left after this call (whole permits)
 */
public record Decision(boolean allowed, Duration retryAfter, long remaining) {

	public Decision {
		if (retryAfter.isNegative()) {
			throw new IllegalArgumentException("retryAfter must not be negative");
		}
	}

	/**
	 * @return an allowing decision with the given permits left
	 */
	public static Decision allowed(long remaining) {
		return new Decision(true, Duration.ZERO, remaining);
	}

	/**
	 * @return a rejecting decision
	 */
	public static Decision rejected(Duration retryAfter) {
		return new Decision(false, retryAfter, 0);
	}

	/**
	 * @return whole seconds to wait, rounded up, for a {@code Retry-After} header; at
	 * least 1 when rejected
	 */
	public long retryAfterSeconds() {
		if (this.allowed) {
			return 0;
		}
		long seconds = this.retryAfter.toSeconds();
		return (this.retryAfter.toNanosPart() > 0 || seconds == 0) ? seconds + 1 : seconds;
	}

}
