package dev.rpcadapter.autoconfigure.registration;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter: the n-th retry waits {@code initial * 2^(n-1)},
 * capped at {@code max}, times a random factor in [0.8, 1.2] (capped at {@code max}
 * again). The factor range keeps every delay longer than the one before until the cap is
 * reached, while spreading the retries of many servers after a proxy restart.
 */
final class Backoff {

	static final double JITTER = 0.2;

	private final Duration initial;

	private final Duration max;

	private final DoubleSupplier random;

	Backoff(Duration initial, Duration max, DoubleSupplier random) {
		if (initial.isNegative() || initial.isZero()) {
			throw new IllegalArgumentException("initial back-off must be positive: " + initial);
		}
		if (max.compareTo(initial) < 0) {
			throw new IllegalArgumentException("max back-off " + max + " is shorter than initial back-off " + initial);
		}
		this.initial = initial;
		this.max = max;
		this.random = random;
	}

	/**
	 * @param failures failures in a row so far, at least 1
	 * @return how long to wait before the next attempt
	 */
	Duration delay(long failures) {
		int exponent = (int) Math.min(Math.max(failures - 1, 0), 30);
		double base = Math.min(this.initial.toNanos() * Math.pow(2, exponent), this.max.toNanos());
		double factor = 1 - JITTER + 2 * JITTER * this.random.getAsDouble();
		return Duration.ofNanos((long) Math.min(base * factor, this.max.toNanos()));
	}

}
