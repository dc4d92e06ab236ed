package dev.rpcadapter.bench.loadgen;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The numbers of a measured phase: successful answers per second, latency percentiles,
 * errors, and how many connections the driver opened (with keep-alive: as many as it has
 * slots).
 */
record Report(long requests, long errors, Duration elapsed, double p50Millis, double p99Millis, double maxMillis,
		long connectionsOpened) {

	static Report of(List<Recorder> recorders, Duration elapsed, long connectionsOpened) {
		long[] all = recorders.stream().map(Recorder::latencies).flatMapToLong(Arrays::stream).sorted().toArray();
		long errors = recorders.stream().mapToLong(Recorder::errors).sum();
		return new Report(all.length, errors, elapsed, percentile(all, 0.50), percentile(all, 0.99),
				(all.length == 0) ? 0 : all[all.length - 1] / 1000.0, connectionsOpened);
	}

	/**
	 * One report per {@code interval} of the measured window (the last may be shorter),
	 * for a soak's per-minute numbers; errors during the warm-up count in the first.
	 */
	static List<Report> intervals(List<Recorder> recorders, Window window, Duration interval) {
		List<Report> reports = new java.util.ArrayList<>();
		for (long from = window.measureFrom(); from < window.measureUntil(); from += interval.toNanos()) {
			long start = from;
			long until = Math.min(window.measureUntil(), from + interval.toNanos());
			long errorsFrom = (from == window.measureFrom()) ? Long.MIN_VALUE : from;
			long[] all = recorders.stream()
				.map((r) -> r.latencies(start, until))
				.flatMapToLong(Arrays::stream)
				.sorted()
				.toArray();
			long errors = recorders.stream().mapToLong((r) -> r.errors(errorsFrom, until)).sum();
			reports.add(new Report(all.length, errors, Duration.ofNanos(until - from), percentile(all, 0.50),
					percentile(all, 0.99), (all.length == 0) ? 0 : all[all.length - 1] / 1000.0, 0));
		}
		return reports;
	}

	double requestsPerSecond() {
		return this.requests / (this.elapsed.toNanos() / 1e9);
	}

	/**
	 * One line for scripts: {@code RESULT rps=... p50_ms=... p99_ms=... errors=... ...}.
	 */
	String machineLine() {
		return String.format(Locale.ROOT,
				"RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f errors=%d requests=%d "
						+ "seconds=%.2f connections=%d",
				requestsPerSecond(), this.p50Millis, this.p99Millis, this.maxMillis, this.errors, this.requests,
				this.elapsed.toNanos() / 1e9, this.connectionsOpened);
	}

	/** Nearest-rank percentile of sorted microseconds, in milliseconds. */
	private static double percentile(long[] sortedMicros, double fraction) {
		if (sortedMicros.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(fraction * sortedMicros.length);
		return sortedMicros[Math.max(0, rank - 1)] / 1000.0;
	}
}
