package dev.rpcadapter.bench.loadgen;

import java.time.Duration;

/**
 * When a run warms up, measures and ends, on the {@link System#nanoTime()} scale. A call
 * counts when it started at or after the end of the warm-up and ended by the end of the
 * measurement.
 */
record Window(long measureFrom, long measureUntil) {

	static Window startingNow(Duration warmup, Duration duration) {
		long from = System.nanoTime() + warmup.toNanos();
		return new Window(from, from + duration.toNanos());
	}

	boolean counts(long startedNanos, long endedNanos) {
		return startedNanos >= this.measureFrom && endedNanos <= this.measureUntil;
	}

	boolean over(long nowNanos) {
		return nowNanos >= this.measureUntil;
	}

	Duration measured() {
		return Duration.ofNanos(this.measureUntil - this.measureFrom);
	}
}
