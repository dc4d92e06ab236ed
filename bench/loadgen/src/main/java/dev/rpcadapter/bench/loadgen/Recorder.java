package dev.rpcadapter.bench.loadgen;

import java.util.Arrays;

/**
 * Latencies and errors of one connection's requests. A connection has one request in flight at a
 * time, so its recorder is written by one request at a time (the Reactor chain orders them) and
 * read once the phase is over.
 */
final class Recorder {

	private long[] micros = new long[1 << 14];

	private int count;

	private long errors;

	void success(long elapsedNanos) {
		if (this.count == this.micros.length) {
			this.micros = Arrays.copyOf(this.micros, this.count * 2);
		}
		this.micros[this.count++] = elapsedNanos / 1_000;
	}

	void error() {
		this.errors++;
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
