package dev.rpcadapter.queue.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.core.internal.ErrorIds;
import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.health.ComponentHealth;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.queue.JobListener;
import dev.rpcadapter.queue.JobPage;
import dev.rpcadapter.queue.JobQuery;
import dev.rpcadapter.queue.JobQueue;
import dev.rpcadapter.queue.JobRecord;
import dev.rpcadapter.queue.JobStatus;
import dev.rpcadapter.queue.JobStore;
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
public final class DefaultJobQueue implements JobQueue {

	private static final Logger logger = LoggerFactory.getLogger(DefaultJobQueue.class);

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

	private final Maintenance maintenance;

	private @Nullable ScheduledExecutorService loops;

	public DefaultJobQueue(QueueSettings settings) {
		this.settings = settings;
		this.store = settings.store();
		this.nodeId = (settings.nodeId() != null) ? settings.nodeId() : instanceId(settings);
		this.quartz = new QuartzJobs(settings.scheduler(), settings.transactions());
		this.runner = new JobRunner(settings, this.nodeId, this::changed, this.timer);
		this.maintenance = new Maintenance(settings, this.quartz, this.runner, this.bus, this::changed);
		try {
			settings.scheduler().getContext().put(QueueJob.RUNNER_KEY, this.runner);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot attach the job queue to the Quartz scheduler", ex);
		}
	}

	/**
	 * The timer of job timeouts and stop grace periods. Cancelled tasks are removed at once: every
	 * job arms a timeout (1 h by default) that is cancelled when it ends, and a cancelled task left
	 * in the queue would keep its job's execution (params, result) reachable until it expires.
	 */
	private static ScheduledExecutorService timer() {
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, Threads.daemon("adapter-queue-timer"));
		timer.setRemoveOnCancelPolicy(true);
		return timer;
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
		Mono<Object> submission = Mono.fromCallable(() -> (Object) submitNow(command, params, context));
		// the in-memory store and RAMJobStore answer in microseconds: no thread hop for them
		return (this.store instanceof InMemoryJobStore) ? submission
				: submission.subscribeOn(Schedulers.boundedElastic());
	}

	private ObjectNode submitNow(Command command, @Nullable JsonNode params, CallContext context) {
		long pending = this.store.count(JobStatus.PENDING);
		if (pending >= this.settings.maxPending()) {
			throw new JsonRpcException(JsonRpcError.withData(ErrorCodes.QUEUE_FULL,
					"Queue full: " + pending + " jobs are pending; try again later",
					Map.of("pending", pending, "max_pending", this.settings.maxPending())));
		}
		JobRecord record = JobRecord.pending(UUID.randomUUID().toString(), command.name(), params, context.caller(),
				this.settings.clock().instant());
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
	public JobRecord get(String jobId, Caller caller) {
		return this.store.find(jobId).filter((r) -> r.isVisibleTo(caller)).orElseThrow(() -> notFound(jobId));
	}

	static JsonRpcException notFound(String jobId) {
		return new JsonRpcException(JsonRpcError.withData(ErrorCodes.JOB_NOT_FOUND, "Job not found: " + jobId,
				Map.of("job_id", jobId)));
	}

	@Override
	public JobPage list(JobQuery query, Caller caller) {
		JobQuery scoped = JobQueue.isAdmin(caller) ? query
				: new JobQuery(caller.principal(), query.status(), query.command(), query.limit(), query.offset());
		return this.store.query(scoped);
	}

	@Override
	public Mono<JobRecord> stop(String jobId, Caller caller) {
		Duration wait = this.settings.stopGracePeriod().plus(this.settings.pollInterval().multipliedBy(4))
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
			throw new JsonRpcException(JsonRpcError.withData(ErrorCodes.COMMAND_FAILED, "Job " + jobId
					+ " is running; stop it with queue_stop_job first, then delete it",
					Map.of("job_id", jobId, "status", record.status().wire())));
		}
		this.store.delete(jobId);
		this.bus.deleted(jobId);
		return record;
	}

	@Override
	public Flux<JsonNode> events(String jobId, Caller caller) {
		return Flux.defer(() -> {
			JobRecord record = get(jobId, caller);
			Flux<JsonNode> replayed = Flux.defer(() -> Flux.fromIterable(replayed(record)));
			if (record.status().isTerminal()) {
				return Flux.concat(replayed, Flux.just((JsonNode) JobJson.event(record)));
			}
			Mono<JsonNode> snapshot = Mono.fromCallable(() -> this.store.find(jobId).map(JobJson::event).orElse(null));
			return Flux.merge(this.bus.subscribe(jobId), Flux.concat(replayed, snapshot))
				.takeUntil((event) -> JobJson.isTerminalEvent(event.path("event").asString()));
		}).subscribeOn(Schedulers.boundedElastic());
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
