package dev.rpcadapter.security.ratelimit;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * Where token bucket states live. Implement it to share limits between instances; the
 * in-memory store suits a single instance.
 */
@FunctionalInterface
public interface RateLimitStore {

	/**
	 * Atomically replaces the state of a key with the function's result. The function may
	 * be called more than once under contention, so it must be free of side effects.
	 * @param key the rate-limited key (principal or client address)
	 * @param update computes the new state from the current one, or from {@code null} for
	 * a new key
	 * @return the new state
	 */
	BucketState update(String key, UnaryOperator<@Nullable BucketState> update);

	/**
	 * Returns an in-memory store holding at most {@code maxKeys} keys. Keys idle for
	 * longer than {@code idleTimeout} are dropped (a bucket idle that long has refilled,
	 * so nothing is lost); when the store is full of active keys, the least recently used
	 * tenth is dropped.
	 * @param maxKeys the most keys kept
	 * @param idleTimeout when a key counts as idle; use at least
	 * {@code burst / permitsPerSecond}
	 * @param clock the clock the limiter uses
	 * @return the store
	 */
	static RateLimitStore inMemory(int maxKeys, Duration idleTimeout, NanoClock clock) {
		return new InMemoryRateLimitStore(maxKeys, idleTimeout, clock);
	}

}
