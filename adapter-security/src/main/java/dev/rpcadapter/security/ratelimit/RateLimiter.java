package dev.rpcadapter.security.ratelimit;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Limits how often each key (a principal or a client address) may call. Callers on an
 * event loop use {@link #acquire(String)}: a limiter whose state lives elsewhere (Redis)
 * answers it without blocking.
 */
@FunctionalInterface
public interface RateLimiter {

	/** Keys kept by {@link #tokenBucket(RateLimit)}'s in-memory store. */
	int DEFAULT_MAX_KEYS = 100_000;

	/**
	 * Takes a permit for the key if one is available.
	 * @param key the caller's key
	 * @return allowed, or rejected with how long to wait
	 */
	Decision tryAcquire(String key);

	/**
	 * Takes a permit for the key if one is available, without blocking the calling thread
	 * when the limiter's state is remote. The default answers at once with
	 * {@link #tryAcquire(String)}.
	 * @param key the caller's key
	 * @return allowed, or rejected with how long to wait
	 */
	default Mono<Decision> acquire(String key) {
		return Mono.just(tryAcquire(key));
	}

	/**
	 * Returns a token-bucket limiter on the system clock with a bounded in-memory store.
	 * @param limit rate and burst per key
	 * @return the limiter
	 */
	static RateLimiter tokenBucket(RateLimit limit) {
		NanoClock clock = NanoClock.system();
		return tokenBucket(limit, RateLimitStore.inMemory(DEFAULT_MAX_KEYS, refillTime(limit), clock), clock);
	}

	/**
	 * Returns a token-bucket limiter.
	 * @param limit rate and burst per key
	 * @param store where bucket states live
	 * @param clock the time source
	 * @return the limiter
	 */
	static RateLimiter tokenBucket(RateLimit limit, RateLimitStore store, NanoClock clock) {
		return new TokenBucketRateLimiter(limit, store, clock);
	}

	/**
	 * Returns how long an empty bucket takes to refill completely.
	 * @param limit the limit
	 * @return at least one second
	 */
	static Duration refillTime(RateLimit limit) {
		long nanos = (long) Math.ceil(limit.burst() / limit.permitsPerSecond() * 1e9);
		return Duration.ofNanos(Math.max(nanos, Duration.ofSeconds(1).toNanos()));
	}

}
