package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.rpcadapter.command.Command;
import dev.rpcadapter.dispatch.RunningCall;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Runs jobs on Quartz worker threads: claims the record, executes the command with its
 * timeout, and stores the true outcome. Every store write is a compare-and-set on this
 * node's ownership.
 */
final class JobRunner {

	private static final Logger logger = LoggerFactory.getLogger(JobRunner.class);

	private static final Duration SHARED_PROGRESS_INTERVAL = Duration.ofMillis(250);

	/**
	 * How often running jobs' deadlines are checked: a timeout takes effect within this
	 * much.
	 */
	private static final Duration TIMEOUT_SWEEP = Duration.ofMillis(50);

	private final QueueSettings settings;

	private final String nodeId;

	private final ErrorMapper errors;

	private final Consumer<JobRecord> changes;

	private final ScheduledExecutorService timer;

	private final Map<String, Execution> executions = new ConcurrentHashMap<>();

	private final Consumer<String> retryLater;

	private final java.util.function.BiConsumer<String, dev.rpcadapter.queue.JobLogLine> logLines;

	JobRunner(QueueSettings settings, String nodeId, Consumer<JobRecord> changes, ScheduledExecutorService timer,
			Consumer<String> retryLater,
			java.util.function.BiConsumer<String, dev.rpcadapter.queue.JobLogLine> logLines) {
		this.settings = settings;
		this.logLines = logLines;
		this.retryLater = retryLater;
		this.nodeId = nodeId;
		this.errors = new ErrorMapper(settings.mapper());
		this.changes = changes;
		this.timer = timer;
		// one sweep enforces every running job's timeout: no task is scheduled and
		// cancelled per job
		long sweep = TIMEOUT_SWEEP.toNanos();
		timer.scheduleWithFixedDelay(this::enforceTimeouts, sweep, sweep, TimeUnit.NANOSECONDS);
	}

	private void enforceTimeouts() {
		long now = System.nanoTime();
		for (Execution execution : this.executions.values()) {
			execution.checkDeadline(now);
		}
	}

	void run(String jobId, boolean recovering) {
		JobStore store = this.settings.store();
		JobRecord record = store.find(jobId).orElse(null);
		if (record == null || record.status().isTerminal() || (record.status() == JobStatus.RUNNING && !recovering)) {
			logger.debug("Job {} is not runnable here ({})", jobId, (record != null) ? record.status() : "deleted");
			return;
		}
		if (record.stopRequested()) {
			end(record, record.status(), null, JobStatus.STOPPED, null, null, "stopped before it ran");
			return;
		}
		Command command = this.settings.registry().find(record.command()).orElse(null);
		if (command == null) {
			JsonRpcError gone = JsonRpcError.of(ErrorCodes.METHOD_NOT_FOUND,
					"Command '" + record.command() + "' is no longer registered");
			end(record, record.status(), null, JobStatus.FAILED, null, gone, "");
			return;
		}
		execute(record, command, recovering);
	}

	private void execute(JobRecord record, Command command, boolean recovering) {
		String description = recovering ? "re-run after the previous run was interrupted" : "";
		JobRecord running = Records.running(record, this.nodeId, this.settings.clock().instant(), description);
		Execution execution = new Execution(running, Thread.currentThread(), this::progressed);
		this.executions.put(record.jobId(), execution);
		if (!claim(record, running, recovering)) {
			this.executions.remove(record.jobId());
			return;
		}
		this.changes.accept(running);
		Duration timeout = (command.descriptor().timeout() != null) ? command.descriptor().timeout()
				: this.settings.defaultTimeout();
		execution.armTimeout(timeout);
		JobLog log = new JobLog(this.settings, record.jobId(), this.logLines);
		execution.logTo(log);
		Object result = null;
		Throwable thrown = null;
		Observation observation = this.settings.observations().start(running);
		JobLogCapture.begin(record.jobId(), log);
		try (Observation.Scope scope = observation.openScope()) {
			Object value = command.handler().prepare(record.params()).execute(record.owner(), execution).block();
			result = (value instanceof JsonNode json) ? json : this.settings.mapper().valueToTree(value);
		}
		catch (Throwable ex) {
			thrown = ex;
		}
		finally {
			JobLogCapture.end(record.jobId());
			execution.finish();
			this.executions.remove(record.jobId());
			Thread.interrupted();
		}
		JobObservations.stop(observation, complete(execution, timeout, (JsonNode) result, thrown));
	}

	/**
	 * Claims the record; a job over a concurrency limit stays pending and is tried again
	 * later. A recovered job (re-fired after its node died) is already counted as
	 * running.
	 */
	private boolean claim(JobRecord record, JobRecord running, boolean recovering) {
		if (recovering) {
			return this.settings.store().update(running, record.status(), null);
		}
		var limits = this.settings.limits();
		JobStore.Claim claim = this.settings.store()
			.claim(running, limits.limitOf(record.command()), limits.maxConcurrent());
		if (claim == JobStore.Claim.LIMITED) {
			this.retryLater.accept(record.jobId());
		}
		return claim == JobStore.Claim.CLAIMED;
	}

	/** Stores the job's outcome; returns it. */
	private JobStatus complete(Execution execution, Duration timeout, @Nullable JsonNode result,
			@Nullable Throwable thrown) {
		JobRecord current = execution.current();
		JsonRpcError tooLarge = (thrown == null)
				? SizeCaps.oversizeResult(this.settings.mapper(), result, this.settings.limits().maxResultSize())
				: null;
		if (execution.timedOut()) {
			JsonRpcError error = JsonRpcError.of(ErrorCodes.TIMED_OUT,
					"Job timed out after " + timeout.toString().substring(2).toLowerCase(java.util.Locale.ROOT));
			return end(current, JobStatus.RUNNING, this.nodeId, JobStatus.FAILED, null, error, current.description());
		}
		else if (execution.stopHonoured()) {
			return end(current, JobStatus.RUNNING, this.nodeId, JobStatus.STOPPED, null, null, current.description());
		}
		else if (thrown != null) {
			JsonRpcError error = this.errors.map(current.jobId(), current.command(), thrown);
			return end(current, JobStatus.RUNNING, this.nodeId, JobStatus.FAILED, null, error, current.description());
		}
		else if (tooLarge != null) {
			return end(current, JobStatus.RUNNING, this.nodeId, JobStatus.FAILED, null, tooLarge,
					current.description());
		}
		else {
			return end(current, JobStatus.RUNNING, this.nodeId, JobStatus.COMPLETED, result, null,
					current.description());
		}
	}

	private JobStatus end(JobRecord record, JobStatus expected, @Nullable String expectedNode, JobStatus status,
			@Nullable JsonNode result, @Nullable JsonRpcError error, String description) {
		if (error != null) {
			error = SizeCaps.bounded(this.settings.mapper(), error, this.settings.limits().maxResultSize());
		}
		JobRecord finished = Records.finished(record, status, result, error, description,
				this.settings.clock().instant());
		if (this.settings.store().update(finished, expected, expectedNode)) {
			this.changes.accept(finished);
		}
		else {
			logger.info("Job {} changed elsewhere before it ended here; outcome {} not stored", record.jobId(),
					status.wire());
		}
		return status;
	}

	private void progressed(Execution execution) {
		JobRecord record = Records.touched(execution.current(), this.settings.clock().instant());
		execution.replaceCurrent(record);
		Duration interval = this.settings.store().isShared() ? SHARED_PROGRESS_INTERVAL : Duration.ZERO;
		if (execution.claimProgressWrite(interval)) {
			this.settings.store().update(record, JobStatus.RUNNING, this.nodeId);
		}
		this.changes.accept(record);
	}

	/**
	 * Adopts a call that ran past its sync cap: its record is stored as running on this
	 * node, and the call's own outcome ends the job; stop and timeout interrupt the call
	 * where it runs.
	 * @return whether the record was stored (if not, the caller keeps waiting for the
	 * outcome)
	 */
	boolean adopt(JobRecord running, Command command, RunningCall call) {
		Execution execution = new Execution(running, call::interrupt, this::progressed);
		execution.logTo(new JobLog(this.settings, running.jobId(), this.logLines));
		this.executions.put(running.jobId(), execution);
		try {
			this.settings.store().insert(running);
		}
		catch (RuntimeException ex) {
			this.executions.remove(running.jobId());
			logger.warn("Cannot store the job of a call handed off by the sync cap; the call keeps its request", ex);
			return false;
		}
		this.changes.accept(running);
		Observation observation = this.settings.observations().start(running);
		Duration timeout = (command.descriptor().timeout() != null) ? command.descriptor().timeout()
				: this.settings.defaultTimeout();
		execution.armTimeout(timeout, Duration.between(running.startedAt(), this.settings.clock().instant()));
		call.attach(execution);
		Mono<Optional<Object>> outcome = call.outcome().map(Optional::of).defaultIfEmpty(Optional.empty());
		if (this.settings.store().isShared()) {
			outcome = outcome.publishOn(Schedulers.boundedElastic());
		}
		outcome.subscribe((value) -> adoptedEnded(execution, timeout, value.orElse(null), null, observation),
				(error) -> adoptedEnded(execution, timeout, null, error, observation));
		return true;
	}

	private void adoptedEnded(Execution execution, Duration timeout, @Nullable Object value, @Nullable Throwable thrown,
			Observation observation) {
		execution.finish();
		this.executions.remove(execution.jobId());
		JsonNode result = null;
		Throwable error = thrown;
		try {
			result = (value instanceof JsonNode json) ? json : this.settings.mapper().valueToTree(value);
		}
		catch (RuntimeException ex) {
			error = ex;
		}
		JobObservations.stop(observation, complete(execution, timeout, result, error));
	}

	/** Refreshes the records of this node's running jobs (see {@link JobStore#touch}). */
	void heartbeat() {
		if (!this.executions.isEmpty()) {
			this.settings.store().touch(this.executions.keySet(), this.nodeId, this.settings.clock().instant());
		}
	}

	/** Writes progress that was held back by the write interval. */
	void flushProgress() {
		for (Execution execution : this.executions.values()) {
			if (execution.claimProgressWrite(Duration.ZERO)) {
				this.settings.store().update(execution.current(), JobStatus.RUNNING, this.nodeId);
			}
		}
	}

	/** Sets the stop flag of a job running on this node; returns whether it runs here. */
	boolean stopLocal(String jobId) {
		Execution execution = this.executions.get(jobId);
		if (execution != null) {
			execution.requestStop(this.timer, this.settings.stopGracePeriod());
		}
		return execution != null;
	}

	boolean runsLocally(String jobId) {
		return this.executions.containsKey(jobId);
	}

	Set<String> localJobIds() {
		return Set.copyOf(this.executions.keySet());
	}

}
