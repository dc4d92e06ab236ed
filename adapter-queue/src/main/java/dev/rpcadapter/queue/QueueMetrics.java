package dev.rpcadapter.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer meters of a {@link JobQueue}: gauges {@code rpc.adapter.queue.jobs} tagged
 * {@code status=pending|running} (across all nodes of a shared store, refreshed at most
 * once a second), and timer {@code rpc.adapter.queue.job.duration} tagged {@code command}
 * and {@code outcome=completed|failed|stopped} for jobs that ended on this node.
 */
public final class QueueMetrics implements JobListener {

	private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

	private final JobQueue queue;

	private final MeterRegistry registry;

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong running = new AtomicLong();

	private volatile long refreshedAt = System.nanoTime() - REFRESH_NANOS;

	private QueueMetrics(JobQueue queue, MeterRegistry registry) {
		this.queue = queue;
		this.registry = registry;
	}

	/** Registers the meters and starts timing the queue's jobs. */
	public static QueueMetrics bind(JobQueue queue, MeterRegistry registry) {
		QueueMetrics metrics = new QueueMetrics(queue, registry);
		Gauge.builder("rpc.adapter.queue.jobs", metrics, (m) -> m.count(JobStatus.PENDING))
			.tag("status", "pending")
			.description("Jobs waiting for a worker")
			.register(registry);
		Gauge.builder("rpc.adapter.queue.jobs", metrics, (m) -> m.count(JobStatus.RUNNING))
			.tag("status", "running")
			.description("Jobs being executed")
			.register(registry);
		queue.addListener(metrics);
		return metrics;
	}

	@Override
	public void jobChanged(JobRecord record) {
		if (!record.status().isTerminal() || record.finishedAt() == null) {
			return;
		}
		Instant start = (record.startedAt() != null) ? record.startedAt() : record.createdAt();
		Timer.builder("rpc.adapter.queue.job.duration")
			.description("Time from start to end of a job")
			.tag("command", record.command())
			.tag("outcome", record.status().wire())
			.register(this.registry)
			.record(Duration.between(start, record.finishedAt()));
	}

	private double count(JobStatus status) {
		long now = System.nanoTime();
		if (now - this.refreshedAt >= REFRESH_NANOS) {
			this.refreshedAt = now;
			try {
				Map<JobStatus, Long> counts = this.queue.counts();
				this.pending.set(counts.getOrDefault(JobStatus.PENDING, 0L));
				this.running.set(counts.getOrDefault(JobStatus.RUNNING, 0L));
			}
			catch (RuntimeException ex) {
				return Double.NaN;
			}
		}
		return (status == JobStatus.PENDING) ? this.pending.get() : this.running.get();
	}

}
