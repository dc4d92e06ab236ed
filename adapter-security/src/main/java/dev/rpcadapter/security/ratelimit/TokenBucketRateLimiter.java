package dev.rpcadapter.security.ratelimit;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The token bucket algorithm over a {@link RateLimitStore}. A new key starts with a full
 * bucket.
 */
final class TokenBucketRateLimiter implements RateLimiter {

	private static final double NANOS_PER_SECOND = 1e9;

	private final RateLimit limit;

	private final RateLimitStore store;

	private final NanoClock clock;

	private final double permitsPerNano;

	TokenBucketRateLimiter(RateLimit limit, RateLimitStore store, NanoClock clock) {
		this.limit = limit;
		this.store = store;
		this.clock = clock;
		this.permitsPerNano = limit.permitsPerSecond() / NANOS_PER_SECOND;
	}

	@Override
	public Decision tryAcquire(String key) {
		long now = this.clock.nanoTime();
		double[] before = new double[1];
		BucketState after = this.store.update(key, (current) -> {
			double available = refilled(current, now);
			before[0] = available;
			return new BucketState((available >= 1) ? available - 1 : available, now);
		});
		if (before[0] >= 1) {
			return Decision.allowed((long) Math.floor(after.tokens()));
		}
		long waitNanos = (long) Math.ceil((1 - before[0]) / this.permitsPerNano);
		return Decision.rejected(Duration.ofNanos(Math.max(1, waitNanos)));
	}

	private double refilled(@Nullable BucketState current, long now) {
		if (current == null) {
			return this.limit.burst();
		}
		long elapsed = Math.max(0, now - current.updatedAtNanos());
		return Math.min(this.limit.burst(), current.tokens() + elapsed * this.permitsPerNano);
	}

}
