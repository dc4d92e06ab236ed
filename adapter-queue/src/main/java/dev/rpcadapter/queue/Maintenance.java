package dev.rpcadapter.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The queue's periodic work, one loop per node: retention cleanup, recovery of jobs a
 * stopped node left behind, and (shared stores) the poll that brings other nodes' changes
 * and stop requests here.
 */
final class Maintenance {

	private static final Logger logger = LoggerFactory.getLogger(Maintenance.class);

	private static final int RECOVERY_BATCH = 500;

	private static final Duration PENDING_GRACE = Duration.ofMinutes(1);

	private static final Duration MIN_STALE = Duration.ofSeconds(3);

	private long lastHeartbeat = System.nanoTime();

	static final String NOT_RECOVERABLE = "Server stopped while the job was running; command is not recoverable";

	private final QueueSettings settings;

	private final QuartzJobs quartz;

	private final JobRunner runner;

	private final JobEventBus bus;

	private final Consumer<JobRecord> changes;

	private final Function<JobRecord, List<JsonNode>> extras;

	/**
	 * @param extras the extra events of a job derived from shared stores (artifacts),
	 * passed on to this node's subscribers of jobs that run on other nodes
	 */
	Maintenance(QueueSettings settings, QuartzJobs quartz, JobRunner runner, JobEventBus bus,
			Consumer<JobRecord> changes, Function<JobRecord, List<JsonNode>> extras) {
		this.settings = settings;
		this.quartz = quartz;
		this.runner = runner;
		this.bus = bus;
		this.changes = changes;
		this.extras = extras;
	}

	void schedule(ScheduledExecutorService executor) {
		every(executor, this.settings.cleanupInterval(), this::cleanup, "retention cleanup");
		every(executor, this.settings.recoveryCheckInterval(), this::recover, "recovery check");
		if (this.settings.store().isShared()) {
			every(executor, this.settings.pollInterval(), this::poll, "change poll");
		}
		else {
			Duration often = Duration.ofSeconds(1);
			every(executor,
					(this.settings.cleanupInterval().compareTo(often) < 0) ? this.settings.cleanupInterval() : often,
					this::capFinished, "finished-jobs cap");
		}
	}

	private static void every(ScheduledExecutorService executor, Duration interval, Runnable task, String name) {
		Runnable guarded = () -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Job queue {} failed; will retry", name, ex);
			}
		};
		executor.scheduleWithFixedDelay(guarded, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Removes terminal jobs past retention, then the oldest beyond the cap. */
	void cleanup() {
		JobStore store = this.settings.store();
		Instant cutoff = this.settings.clock().instant().minus(this.settings.retention());
		int expired = store.deleteFinishedBefore(cutoff);
		int trimmed = store.trimFinished(this.settings.maxFinishedJobs());
		if (expired + trimmed > 0) {
			logger.debug("Removed {} expired and {} excess finished jobs", expired, trimmed);
		}
	}

	/**
	 * Keeps the memory store's finished jobs near the cap between cleanups: once they
	 * pass it by a tenth, the oldest beyond it go. Without this a high job rate filled
	 * the heap with records until the next cleanup (retention / 6, an hour by default),
	 * as the soak benchmark showed. Shared stores keep finished jobs in the database, not
	 * the heap: their cleanup interval is enough.
	 */
	void capFinished() {
		JobStore store = this.settings.store();
		int max = this.settings.maxFinishedJobs();
		long finished = store.countByStatus()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().isTerminal())
			.mapToLong(Map.Entry::getValue)
			.sum();
		if (finished > max + Math.max(1, max / 10)) {
			store.trimFinished(max);
		}
	}

	/**
	 * Fails jobs whose node stopped mid-run: running here is not known, no Quartz job is
	 * left (the command is not recoverable, or the job was adopted from a request and
	 * never had one), and the record's heartbeat stopped.
	 */
	void recover() {
		Instant now = this.settings.clock().instant();
		Instant stale = now.minus(staleAfter());
		for (JobRecord record : this.settings.store().findByStatus(JobStatus.RUNNING, RECOVERY_BATCH)) {
			if (!this.runner.runsLocally(record.jobId()) && record.updatedAt().isBefore(stale) && !scheduled(record)) {
				fail(record, NOT_RECOVERABLE, "node_lost", now);
			}
		}
		for (JobRecord record : this.settings.store().findByStatus(JobStatus.PENDING, RECOVERY_BATCH)) {
			if (record.createdAt().isBefore(now.minus(PENDING_GRACE)) && !scheduled(record)) {
				fail(record, "The job's schedule was lost before it started", "schedule_lost", now);
			}
		}
	}

	/** How often a node refreshes its running jobs' records on a shared store. */
	Duration heartbeatInterval() {
		return this.settings.pollInterval().multipliedBy(4);
	}

	/** A running record not refreshed for this long belongs to a node that stopped. */
	private Duration staleAfter() {
		Duration three = heartbeatInterval().multipliedBy(3);
		return (three.compareTo(MIN_STALE) < 0) ? MIN_STALE : three;
	}

	private boolean scheduled(JobRecord record) {
		try {
			return this.quartz.exists(record.jobId());
		}
		catch (SchedulerException ex) {
			logger.warn("Cannot check Quartz job {}; assuming it exists", record.jobId(), ex);
			return true;
		}
	}

	private void fail(JobRecord record, String message, String reason, Instant now) {
		Map<String, Object> data = new java.util.LinkedHashMap<>();
		data.put("reason", reason);
		data.put("node", String.valueOf(record.node()));
		JsonRpcError error = JsonRpcError.withData(ErrorCodes.COMMAND_FAILED, message, data);
		JobRecord failed = Records.finished(record, JobStatus.FAILED, null, error, record.description(), now);
		if (this.settings.store().update(failed, record.status(), record.node())) {
			logger.warn("Job {} ({}) marked failed: {}", record.jobId(), record.command(), message);
			this.changes.accept(failed);
		}
	}

	/**
	 * Publishes changes made on other nodes to local subscribers and applies remote stop
	 * requests.
	 */
	void poll() {
		this.runner.flushProgress();
		if (System.nanoTime() - this.lastHeartbeat >= heartbeatInterval().toNanos()) {
			this.lastHeartbeat = System.nanoTime();
			this.runner.heartbeat();
		}
		Set<String> watched = this.bus.watchedIds();
		Set<String> local = this.runner.localJobIds();
		if (watched.isEmpty() && local.isEmpty()) {
			return;
		}
		Set<String> ids = new HashSet<>(watched);
		ids.addAll(local);
		List<JobRecord> records = this.settings.store().findAll(ids);
		Set<String> found = new HashSet<>();
		for (JobRecord record : records) {
			found.add(record.jobId());
			if (local.contains(record.jobId())) {
				if (record.stopRequested()) {
					this.runner.stopLocal(record.jobId());
				}
			}
			else {
				this.bus.publish(record, this.extras);
			}
		}
		watched.stream().filter((id) -> !found.contains(id)).forEach(this.bus::deleted);
	}

}
