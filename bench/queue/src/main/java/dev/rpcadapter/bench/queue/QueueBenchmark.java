package dev.rpcadapter.bench.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Submit latency at a fixed rate and trivial-job throughput of the adapter's job queue,
 * side by side with plain Quartz scheduling the same trivial job in the same store, same
 * worker count.
 * <p>
 * System properties: {@code stores} (memory,postgres), {@code rate} (200 submits/s),
 * {@code seconds} (10, latency run), {@code warmup} (3 s at the same rate, not measured),
 * {@code rounds} (2; only the last is reported, the others warm the JVM up; odd rounds
 * run Quartz first, even rounds the queue), {@code jobs.memory} (20000),
 * {@code jobs.postgres} (2000), {@code workers} (8), {@code jdbc.url} (env
 * ADAPTER_TEST_JDBC_URL or jdbc:postgresql://127.0.0.1:5432/test).
 */
public final class QueueBenchmark {

	private static final int WORKERS = Integer.getInteger("workers", 8);

	private static final String JDBC_URL = System.getProperty("jdbc.url",
			System.getenv().getOrDefault("ADAPTER_TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/test"));

	private QueueBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rate = Integer.getInteger("rate", 200);
		int seconds = Integer.getInteger("seconds", 10);
		int warmup = Integer.getInteger("warmup", 3);
		int rounds = Integer.getInteger("rounds", 2);
		List<String> rows = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			rows.clear();
			System.out.printf("round %d of %d%s%n", round, rounds,
					(round < rounds) ? " (JVM warm-up, not reported)" : "");
			for (String store : System.getProperty("stores", "memory,postgres").split(",")) {
				int jobs = Integer.getInteger("jobs." + store, "memory".equals(store) ? 20_000 : 2_000);
				List<String> order = (round % 2 == 1) ? List.of("quartz", "queue") : List.of("queue", "quartz");
				for (String system : order) {
					rows.add(row(store, system, jobs, rate, warmup, seconds));
					System.out.println(rows.get(rows.size() - 1));
				}
			}
		}
		System.out.printf(Locale.ROOT, "%nworkers=%d rate=%d/s latency=%ds (after %ds warm-up), round %d of %d%n",
				WORKERS, rate, seconds, warmup, rounds, rounds);
		System.out
			.println("| store | system | submits | p50 ms | p99 ms | p99.9 ms | max ms | jobs | submits/s | jobs/s |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		rows.forEach(System.out::println);
	}

	private static String row(String store, String system, int jobs, int rate, int warmup, int seconds)
			throws Exception {
		Latency latency = latency(store, system, rate, warmup, seconds);
		Throughput throughput = throughput(store, system, jobs);
		return String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.2f | %.2f | %d | %,.0f | %,.0f |", store,
				system, latency.count(), latency.p50(), latency.p99(), latency.p999(), latency.max(), jobs,
				throughput.submitsPerSecond(), throughput.jobsPerSecond());
	}

	private static BenchTarget target(String store, String system, String phase) throws Exception {
		Store backing = new Store(store, "bench_" + system + "_" + phase, WORKERS, JDBC_URL);
		return "queue".equals(system) ? new QueueTarget(backing) : new QuartzTarget(backing);
	}

	/**
	 * Submits at a fixed rate; latency is measured from each submit's planned start (no
	 * coordinated omission).
	 */
	static Latency latency(String store, String system, int rate, int warmup, int seconds) throws Exception {
		try (BenchTarget target = target(store, system, "latency")) {
			long period = TimeUnit.SECONDS.toNanos(1) / rate;
			int warm = rate * warmup;
			int total = warm + rate * seconds;
			double[] millis = new double[total - warm];
			long start = System.nanoTime();
			for (int i = 0; i < total; i++) {
				long planned = start + i * period;
				while (System.nanoTime() < planned) {
					LockSupport.parkNanos(planned - System.nanoTime());
				}
				target.submit(i);
				if (i >= warm) {
					millis[i - warm] = (System.nanoTime() - planned) / 1e6;
				}
			}
			awaitCompleted(target, total);
			return Latency.of(millis);
		}
	}

	/**
	 * Submits {@code jobs} trivial jobs as fast as one thread can and times until all
	 * completed.
	 */
	static Throughput throughput(String store, String system, int jobs) throws Exception {
		try (BenchTarget target = target(store, system, "throughput")) {
			for (int i = 0; i < Math.min(500, jobs / 10); i++) {
				target.submit(-1 - i);
			}
			long warmed = Math.min(500, jobs / 10);
			awaitCompleted(target, warmed);
			long start = System.nanoTime();
			for (int i = 0; i < jobs; i++) {
				target.submit(i);
			}
			long submitted = System.nanoTime();
			awaitCompleted(target, warmed + jobs);
			long done = System.nanoTime();
			return new Throughput(jobs / ((submitted - start) / 1e9), jobs / ((done - start) / 1e9));
		}
	}

	private static void awaitCompleted(BenchTarget target, long count) {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		while (target.completed() < count) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Only " + target.completed() + " of " + count + " jobs completed");
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
		}
	}

	/** Submit latency percentiles in milliseconds. */
	record Latency(int count, double p50, double p99, double p999, double max) {

		static Latency of(double[] millis) {
			double[] sorted = millis.clone();
			java.util.Arrays.sort(sorted);
			return new Latency(sorted.length, at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999),
					sorted[sorted.length - 1]);
		}

		private static double at(double[] sorted, double quantile) {
			return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
		}
	}

	/** Submit rate and end-to-end rate (first submit to last completion). */
	record Throughput(double submitsPerSecond, double jobsPerSecond) {
	}

}
