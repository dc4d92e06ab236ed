package dev.rpcadapter.bench.loadgen;

import java.util.Arrays;

/**
 * Latencies and errors of one connection's requests. A connection has one request in
 * flight at a time, so its recorder is written by one request at a time (the Reactor
 * chain orders them) and read once the phase is over.
 */
final class Recorder {

	private long[] micros = new long[1 << 14];

	/**
	 * When each request in {@link #micros} started ({@link System#nanoTime()}), for
	 * per-interval reports.
	 */
	private long[] starts = new long[1 << 14];

	private int count;

	private long errors;

	private long[] errorTimes = new long[16];

	void success(long startedNanos, long elapsedNanos) {
		if (this.count == this.micros.length) {
			this.micros = Arrays.copyOf(this.micros, this.count * 2);
			this.starts = Arrays.copyOf(this.starts, this.count * 2);
		}
		this.starts[this.count] = startedNanos;
		this.micros[this.count++] = elapsedNanos / 1_000;
	}

	void error() {
		if (this.errors == this.errorTimes.length) {
			this.errorTimes = Arrays.copyOf(this.errorTimes, this.errorTimes.length * 2);
		}
		this.errorTimes[(int) this.errors++] = System.nanoTime();
	}

	/** The latencies (microseconds) of the requests started in [from, until). */
	long[] latencies(long from, long until) {
		return java.util.stream.IntStream.range(0, this.count)
			.filter((i) -> this.starts[i] >= from && this.starts[i] < until)
			.mapToLong((i) -> this.micros[i])
			.toArray();
	}

	/** The errors that happened in [from, until). */
	long errors(long from, long until) {
		return Arrays.stream(this.errorTimes, 0, (int) this.errors).filter((t) -> t >= from && t < until).count();
	}

	int count() {
		return this.count;
	}

	long errors() {
		return this.errors;
	}

	long[] latencies() {
		return Arrays.copyOf(this.micros, this.count);
	}

}
