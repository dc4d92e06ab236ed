package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BiConsumer;
import java.util.function.Function;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.dispatch.RunningCall;
import dev.rpcadapter.health.ComponentHealth;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.support.ErrorIds;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The default {@link JobQueue}: records in a {@link JobStore}, execution on Quartz. */
final class DefaultJobQueue implements JobQueue {

	private static final Logger logger = LoggerFactory.getLogger(DefaultJobQueue.class);

	/** How long a job held back by a concurrency limit waits before it is tried again. */
	private static final Duration LIMIT_RETRY = Duration.ofMillis(250);

	private final QueueSettings settings;

	private final JobStore store;

	private final String nodeId;

	private final QuartzJobs quartz;

	private final JobEventBus bus = new JobEventBus();

	private final List<JobListener> listeners = new CopyOnWriteArrayList<>();

	private final List<BiConsumer<JobRecord, ObjectNode>> decorators = new CopyOnWriteArrayList<>();

	private final List<Function<JobRecord, List<JsonNode>>> replays = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService timer = timer();

	private final JobRunner runner;

	private final Waiting waiting;

	private final Maintenance maintenance;

	private @Nullable ScheduledExecutorService loops;

	public DefaultJobQueue(QueueSettings settings) {
		this.settings = settings;
		this.store = settings.store();
		this.nodeId = (settings.nodeId() != null) ? settings.nodeId() : instanceId(settings);
		this.quartz = new QuartzJobs(settings.scheduler(), settings.transactions());
		this.runner = new JobRunner(settings, this.nodeId, this::changed, this.timer, this::retryLater,
				this.bus::publishLog);
		this.waiting = new Waiting(settings, this.bus, this::toJson);
		this.maintenance = new Maintenance(settings, this.quartz, this.runner, this.bus, this::changed, this::replayed);
		JobLogCapture.install();
		try {
			settings.scheduler().getContext().put(QueueJob.RUNNER_KEY, this.runner);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot attach the job queue to the Quartz scheduler", ex);
		}
	}

	/**
	 * The timer of job timeouts and stop grace periods. Cancelled tasks are removed at
	 * once: every job arms a timeout (1 h by default) that is cancelled when it ends, and
	 * a cancelled task left in the queue would keep its job's execution (params, result)
	 * reachable until it expires.
	 */
	private static ScheduledExecutorService timer() {
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, Threads.daemon("adapter-queue-timer"));
		timer.setRemoveOnCancelPolicy(true);
		return timer;
	}

	/**
	 * A job over a concurrency limit stays pending; its Quartz job fires again a little
	 * later.
	 */
	private void retryLater(String jobId) {
		try {
			this.quartz.retryLater(jobId, LIMIT_RETRY);
		}
		catch (SchedulerException | RuntimeException ex) {
			logger.warn("Cannot re-schedule job {} held back by a concurrency limit", jobId, ex);
		}
	}

	private static String instanceId(QueueSettings settings) {
		try {
			return settings.scheduler().getSchedulerInstanceId();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot read the Quartz scheduler instance id", ex);
		}
	}

	@Override
	public Mono<Object> submit(Command command, @Nullable JsonNode params, CallContext context) {
		// read now, in the submitting call's scope: the submission may run later on
		// another thread
		Observation parent = this.settings.observations().current();
		Mono<Object> submission = Mono.fromCallable(() -> (Object) this.settings.observations()
			.submit(command.name(), parent, (traceParent) -> submitNow(command, params, context, traceParent)));
		// the in-memory store and RAMJobStore answer in microseconds: no thread hop for
		// them
		return (this.store instanceof InMemoryJobStore) ? submission
				: submission.subscribeOn(Schedulers.boundedElastic());
	}

	@Override
	public Mono<Object> submit(Command command, @Nullable JsonNode params, CallContext context,
			@Nullable Duration maxWait, @Nullable Duration pollInterval) {
		Duration wait = effectiveWait(command, maxWait, pollInterval);
		Mono<Object> submitted = submit(command, params, context);
		if (wait == null || wait.isZero() || wait.isNegative()) {
			return submitted;
		}
		return submitted.flatMap((envelope) -> this.waiting.await((ObjectNode) envelope, wait));
	}

	/**
	 * How long a submit waits: the call's {@code max_wait_time}; else, when it asks to
	 * poll ({@code poll_interval > 0}) without a bound, the default wait or the job's
	 * timeout (until it ends, as the seed); else the default wait ({@code null}: no
	 * waiting).
	 */
	private @Nullable Duration effectiveWait(Command command, @Nullable Duration maxWait,
			@Nullable Duration pollInterval) {
		if (maxWait != null) {
			return maxWait;
		}
		Duration configured = this.settings.limits().defaultMaxWait();
		if (pollInterval != null && !pollInterval.isZero() && configured == null) {
			return (command.descriptor().timeout() != null) ? command.descriptor().timeout()
					: this.settings.defaultTimeout();
		}
		return configured;
	}

	private ObjectNode submitNow(Command command, @Nullable JsonNode params, CallContext context,
			@Nullable String traceParent) {
		long pending = this.store.count(JobStatus.PENDING);
		if (pending >= this.settings.maxPending()) {
			throw new JsonRpcException(JsonRpcError.withData(ErrorCodes.QUEUE_FULL,
					"Queue full: " + pending + " jobs are pending; try again later",
					Map.of("pending", pending, "max_pending", this.settings.maxPending())));
		}
		checkQuota(context.caller());
		SizeCaps.checkParams(this.settings.mapper(), params, this.settings.limits().maxParamsSize());
		JobRecord record = JobRecord.pending(UUID.randomUUID().toString(), command.name(), params, context.caller(),
				this.settings.clock().instant(), traceParent);
		this.store.insert(record);
		try {
			this.quartz.schedule(record.jobId(), command.descriptor().recoverable());
		}
		catch (SchedulerException | RuntimeException ex) {
			this.store.delete(record.jobId());
			String errorId = ErrorIds.next();
			logger.error("Cannot schedule job for command '{}' [error_id={}]", command.name(), errorId, ex);
			throw new JsonRpcException(JsonRpcError.internal(errorId));
		}
		changed(record);
		context.jobListener().accept(record.jobId());
		return JsonNodeFactory.instance.objectNode()
			.put("job_id", record.jobId())
			.put("status", JobStatus.PENDING.wire())
			.put("command", command.name())
			.put("poll_with", "queue_get_job_status");
	}

	@Override
	public Mono<Object> handOff(Command command, @Nullable JsonNode params, CallContext context, RunningCall call) {
		// the call's observation, put in the Reactor context by the dispatcher, parents
		// the adoption
		Mono<Object> adoption = Mono.deferContextual((reactor) -> {
			Observation parent = JobObservations.fromReactor(reactor);
			return Mono.fromCallable(() -> this.settings.observations()
				.submit(command.name(), parent, (traceParent) -> adopt(command, params, context, call, traceParent)));
		}).flatMap((envelope) -> envelope.isEmpty() ? call.outcome() : Mono.just((Object) envelope.get()));
		return (this.store instanceof InMemoryJobStore) ? adoption : adoption.subscribeOn(Schedulers.boundedElastic());
	}

	private java.util.Optional<ObjectNode> adopt(Command command, @Nullable JsonNode params, CallContext context,
			RunningCall call, @Nullable String traceParent) {
		// params too large to store are left out of the record: the call already runs
		// with them
		boolean storable = SizeCaps.size(this.settings.mapper(), params) <= this.settings.limits().maxParamsSize();
		java.time.Instant now = this.settings.clock().instant();
		JobRecord running = new JobRecord(UUID.randomUUID().toString(), command.name(), storable ? params : null,
				context.caller(), JobStatus.RUNNING, 0, "handed to the queue after the sync cap", null, null, false,
				call.startedAt(), call.startedAt(), null, now, this.nodeId, traceParent);
		if (!this.runner.adopt(running, command, call)) {
			return java.util.Optional.empty();
		}
		context.jobListener().accept(running.jobId());
		return java.util.Optional.of(JsonNodeFactory.instance.objectNode()
			.put("job_id", running.jobId())
			.put("status", JobStatus.RUNNING.wire())
			.put("command", command.name())
			.put("poll_with", "queue_get_job_status")
			.put("queued_after_timeout", true));
	}

	private void checkQuota(Caller caller) {
		int max = this.settings.limits().maxPendingPerCaller();
		if (max <= 0) {
			return;
		}
		long pending = this.store.countPending(caller.principal());
		if (pending >= max) {
			throw new JsonRpcException(JsonRpcError.withData(ErrorCodes.QUEUE_FULL,
					"Too many pending jobs for '" + caller.principal() + "': " + pending + " of at most " + max
							+ " (adapter.queue.max-pending-per-caller); wait for some to start or stop them",
					Map.of("pending", pending, "max_pending_per_caller", max)));
		}
	}

	@Override
	public boolean isAdmin(Caller caller) {
		return this.settings.admins().test(caller);
	}

	@Override
	public JobRecord get(String jobId, Caller caller) {
		return this.store.find(jobId)
			.filter((r) -> isAdmin(caller) || r.isOwnedBy(caller))
			.orElseThrow(() -> notFound(jobId));
	}

	static JsonRpcException notFound(String jobId) {
		return new JsonRpcException(
				JsonRpcError.withData(ErrorCodes.JOB_NOT_FOUND, "Job not found: " + jobId, Map.of("job_id", jobId)));
	}

	@Override
	public JobPage list(JobQuery query, Caller caller) {
		JobQuery scoped = isAdmin(caller) ? query : query.withOwner(caller.principal());
		return this.store.query(scoped);
	}

	@Override
	public Mono<JobRecord> stop(String jobId, Caller caller) {
		Duration wait = this.settings.stopGracePeriod()
			.plus(this.settings.pollInterval().multipliedBy(4))
			.plusSeconds(2);
		return Mono.fromCallable(() -> beginStop(jobId, caller))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((record) -> record.status().isTerminal() ? Mono.just(record) : awaitEnd(record, wait));
	}

	private JobRecord beginStop(String jobId, Caller caller) {
		JobRecord record = get(jobId, caller);
		if (record.status() == JobStatus.PENDING) {
			JobRecord stopped = stopPending(record);
			if (stopped != null) {
				return stopped;
			}
			record = this.store.find(jobId).orElse(record);
		}
		if (record.status().isTerminal()) {
			return record;
		}
		this.store.requestStop(jobId, this.settings.clock().instant());
		this.runner.stopLocal(jobId);
		return this.store.find(jobId).orElse(record);
	}

	private @Nullable JobRecord stopPending(JobRecord record) {
		JobRecord stopped = Records.finished(record, JobStatus.STOPPED, null, null, "stopped before it started",
				this.settings.clock().instant());
		if (!this.store.update(stopped, JobStatus.PENDING, null)) {
			return null;
		}
		try {
			this.quartz.remove(record.jobId());
		}
		catch (SchedulerException ex) {
			logger.warn("Could not remove the Quartz job of stopped job {}; it will not run", record.jobId(), ex);
		}
		changed(stopped);
		return stopped;
	}

	private Mono<JobRecord> awaitEnd(JobRecord record, Duration wait) {
		Flux<JsonNode> events = Flux.merge(this.bus.subscribe(record.jobId()),
				Mono.fromCallable(() -> this.store.find(record.jobId()).map(JobJson::event).orElse(null)));
		return events.filter((event) -> JobStatus.fromWire(event.path("status").asString()).isTerminal())
			.next()
			.timeout(wait, Mono.empty())
			.then(Mono.fromCallable(() -> this.store.find(record.jobId()).orElse(record)))
			.subscribeOn(Schedulers.boundedElastic());
	}

	@Override
	public JobRecord delete(String jobId, Caller caller) {
		JobRecord record = get(jobId, caller);
		if (record.status() == JobStatus.PENDING) {
			JobRecord stopped = stopPending(record);
			record = (stopped != null) ? stopped : this.store.find(jobId).orElse(record);
		}
		if (!record.status().isTerminal()) {
			throw new JsonRpcException(JsonRpcError.withData(ErrorCodes.COMMAND_FAILED,
					"Job " + jobId + " is running; stop it with queue_stop_job first, then delete it",
					Map.of("job_id", jobId, "status", record.status().wire())));
		}
		if (record.status() == JobStatus.DELETED) {
			return record;
		}
		// a tombstone, kept for the retention period (from now) so a late poller learns
		// "deleted"
		JobRecord tombstone = Records.finished(record, JobStatus.DELETED, null, null, record.description(),
				this.settings.clock().instant());
		if (!this.store.update(tombstone, record.status(), null)) {
			return this.store.find(jobId).orElse(record);
		}
		this.store.deleteLogs(jobId);
		changed(tombstone);
		return tombstone;
	}

	@Override
	public Flux<JsonNode> events(String jobId, Caller caller) {
		return events(jobId, caller, false);
	}

	@Override
	public Flux<JsonNode> events(String jobId, Caller caller, boolean logs) {
		return Flux.defer(() -> {
			JobRecord record = get(jobId, caller);
			if (record.status().isTerminal()) {
				return Flux.concat(Flux.fromIterable(replayed(record)), Flux.just((JsonNode) JobJson.event(record)));
			}
			Mono<JsonNode> snapshot = Mono.fromCallable(() -> this.store.find(jobId).map(JobJson::event).orElse(null));
			// the replayed extras (artifacts so far) come first, once the subscription is
			// in place
			Flux<JsonNode> states = Flux.merge(this.bus.subscribe(jobId, () -> replayed(record)), snapshot);
			// the log stream first: the state snapshot may let a waiting command log at
			// once
			Flux<JsonNode> all = logs ? Flux.merge(this.bus.logs(jobId), states) : states;
			return all.takeUntil((event) -> JobJson.isTerminalEvent(event.path("event").asString()));
		}).subscribeOn(Schedulers.boundedElastic());
	}

	@Override
	public JobLogPage logs(String jobId, Caller caller, int offset, int limit) {
		get(jobId, caller);
		return this.store.logs(jobId, offset, limit);
	}

	@Override
	public Map<JobStatus, Long> counts() {
		return this.store.countByStatus();
	}

	@Override
	public ObjectNode toJson(JobRecord record) {
		ObjectNode node = JobJson.job(record);
		for (BiConsumer<JobRecord, ObjectNode> decorator : this.decorators) {
			decorator.accept(record, node);
		}
		return node;
	}

	@Override
	public void addJobDecorator(BiConsumer<JobRecord, ObjectNode> decorator) {
		this.decorators.add(decorator);
	}

	@Override
	public void addEventReplay(Function<JobRecord, List<JsonNode>> replay) {
		this.replays.add(replay);
	}

	private List<JsonNode> replayed(JobRecord record) {
		List<JsonNode> events = new ArrayList<>();
		this.replays.forEach((replay) -> events.addAll(replay.apply(record)));
		return events;
	}

	@Override
	public void publishEvent(String jobId, JsonNode event) {
		this.bus.publishExtra(jobId, event);
	}

	@Override
	public void addListener(JobListener listener) {
		this.listeners.add(listener);
	}

	@Override
	public QueueLimits limits() {
		return this.settings.limits();
	}

	@Override
	public String nodeId() {
		return this.nodeId;
	}

	@Override
	public String name() {
		return "queue";
	}

	@Override
	public ComponentHealth check() {
		return QueueHealth.check(this.settings, this.nodeId);
	}

	@Override
	public synchronized void start() {
		if (this.loops == null) {
			this.loops = Executors.newSingleThreadScheduledExecutor(Threads.daemon("adapter-queue-maintenance"));
			this.maintenance.schedule(this.loops);
		}
	}

	@Override
	public synchronized void close() {
		if (this.loops != null) {
			this.loops.shutdownNow();
			this.loops = null;
		}
		this.timer.shutdownNow();
	}

	/** Runs the retention cleanup now. */
	public void cleanupNow() {
		this.maintenance.cleanup();
	}

	/** Runs the recovery check now. */
	public void recoverNow() {
		this.maintenance.recover();
	}

	private void changed(JobRecord record) {
		this.bus.publish(record);
		for (JobListener listener : this.listeners) {
			try {
				listener.jobChanged(record);
			}
			catch (RuntimeException ex) {
				logger.warn("Job listener {} failed", listener, ex);
			}
		}
	}

}
