package dev.rpcadapter.security.ratelimit;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * A bounded {@link RateLimitStore} on a {@link ConcurrentHashMap}.
 */
final class InMemoryRateLimitStore implements RateLimitStore {

	private static final int SWEEP_EVERY_UPDATES = 4096;

	private final ConcurrentHashMap<String, BucketState> buckets = new ConcurrentHashMap<>();

	private final AtomicInteger updatesSinceSweep = new AtomicInteger();

	private final int maxKeys;

	private final long idleNanos;

	private final NanoClock clock;

	InMemoryRateLimitStore(int maxKeys, Duration idleTimeout, NanoClock clock) {
		if (maxKeys < 1) {
			throw new IllegalArgumentException("The rate limit store must hold at least one key, not " + maxKeys);
		}
		if (idleTimeout.isNegative() || idleTimeout.isZero()) {
			throw new IllegalArgumentException("The rate limit idle timeout must be positive, not " + idleTimeout);
		}
		this.maxKeys = maxKeys;
		this.idleNanos = idleTimeout.toNanos();
		this.clock = clock;
	}

	@Override
	public BucketState update(String key, UnaryOperator<@Nullable BucketState> update) {
		if (this.buckets.size() >= this.maxKeys && !this.buckets.containsKey(key)) {
			makeRoom();
		}
		else if (this.updatesSinceSweep.incrementAndGet() >= SWEEP_EVERY_UPDATES) {
			this.updatesSinceSweep.set(0);
			removeIdle();
		}
		return this.buckets.compute(key, (k, current) -> update.apply(current));
	}

	int size() {
		return this.buckets.size();
	}

	private synchronized void makeRoom() {
		if (this.buckets.size() < this.maxKeys) {
			return;
		}
		removeIdle();
		int excess = this.buckets.size() - (this.maxKeys - Math.max(1, this.maxKeys / 10));
		if (excess > 0) {
			this.buckets.entrySet()
				.stream()
				.sorted(Comparator
					.comparingLong((Map.Entry<String, BucketState> entry) -> entry.getValue().updatedAtNanos()))
				.limit(excess)
				.map(Map.Entry::getKey)
				.toList()
				.forEach(this.buckets::remove);
		}
	}

	private void removeIdle() {
		long now = this.clock.nanoTime();
		this.buckets.values().removeIf((state) -> now - state.updatedAtNanos() > this.idleNanos);
	}

}
