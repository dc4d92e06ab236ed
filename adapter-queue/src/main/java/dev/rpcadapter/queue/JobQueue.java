package dev.rpcadapter.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.dispatch.JobEventSource;
import dev.rpcadapter.dispatch.JobSubmitter;
import dev.rpcadapter.health.HealthComponent;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.quartz.Scheduler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs queued commands as jobs on a Quartz {@link Scheduler}, keeps their records in a
 * {@link JobStore}, and pushes their events. Its health shows as component {@code queue}.
 * <p>
 * Lookups, stops and deletes are limited to the caller's own jobs unless the caller is a
 * queue admin ({@link #isAdmin}: decided by {@link Builder#admins}, with the starter the
 * configured permission {@code queue:admin}); another caller's job is reported as not
 * found ({@code -32004}).
 */
public interface JobQueue extends JobSubmitter, JobEventSource, HealthComponent, AutoCloseable {

	/** Whether the caller may see, stop and delete every caller's jobs. */
	boolean isAdmin(Caller caller);

	/**
	 * @throws dev.rpcadapter.jsonrpc.JsonRpcException {@code -32004} if absent or not
	 * visible
	 */
	JobRecord get(String jobId, Caller caller);

	/** The caller's jobs (every job for an admin), filtered and paged by the query. */
	JobPage list(JobQuery query, Caller caller);

	/**
	 * Stops a job. A pending job becomes {@code stopped} at once. A running job gets the
	 * stop flag (cooperative), and is interrupted after the stop grace period; the
	 * returned record is the true state once the job ended or the wait ran out:
	 * {@code completed} if it finished before the stop took effect, {@code stopped} only
	 * if the stop was honoured. A finished job is returned unchanged.
	 */
	Mono<JobRecord> stop(String jobId, Caller caller);

	/**
	 * Deletes a job that is not running. A pending job is stopped first; a running job is
	 * refused with {@code -32000} (stop it first), so a delete never hides work that
	 * still runs.
	 * @return the record as it was deleted
	 */
	JobRecord delete(String jobId, Caller caller);

	/**
	 * Lines of a job's log, oldest first, visible like the job itself.
	 * @throws dev.rpcadapter.jsonrpc.JsonRpcException {@code -32004} if absent or not
	 * visible
	 */
	JobLogPage logs(String jobId, Caller caller, int offset, int limit);

	/** The number of jobs per state, across all nodes sharing the store. */
	Map<JobStatus, Long> counts();

	/** The job object of the wire format. */
	ObjectNode toJson(JobRecord record);

	/**
	 * Adds fields to every job object {@link #toJson} renders (the transfers add
	 * {@code artifacts}). The decorator runs on the caller's thread for each rendered
	 * job; a queue that cannot decorate ignores it.
	 */
	default void addJobDecorator(BiConsumer<JobRecord, ObjectNode> decorator) {
		// a queue that renders no decorations ignores them
	}

	/**
	 * Pushes an event beside the state changes (e.g. {@code artifact_ready}) to this
	 * node's subscribers of the job; subscribers on other nodes do not see it.
	 */
	default void publishEvent(String jobId, JsonNode event) {
	}

	/**
	 * Adds events a new subscriber of a job receives before its state (the transfers
	 * replay {@code artifact_ready} of artifacts already published, so a fast job's
	 * subscriber misses none).
	 */
	default void addEventReplay(Function<JobRecord, List<JsonNode>> replay) {
	}

	/** Adds a listener for local state changes (metrics, audit). */
	void addListener(JobListener listener);

	/** The limits this queue enforces. */
	QueueLimits limits();

	/** The id of this node (the Quartz scheduler instance id unless set). */
	String nodeId();

	/**
	 * Starts the periodic work: retention cleanup, recovery checks, and (shared stores)
	 * the change poll.
	 */
	void start();

	/** Stops the periodic work; running jobs are left to the scheduler's shutdown. */
	@Override
	void close();

	static Builder builder(Scheduler scheduler, CommandRegistry registry) {
		return new Builder(scheduler, registry);
	}

	/** Configures a {@link JobQueue}; every setting has a default. */
	final class Builder {

		private final Scheduler scheduler;

		private final CommandRegistry registry;

		private JobStore store = JobStore.inMemory();

		private ObjectMapper mapper = JsonMapper.builder().build();

		private Clock clock = Clock.systemUTC();

		private @Nullable String nodeId;

		private int maxPending = 10_000;

		private Duration defaultTimeout = Duration.ofHours(1);

		private Duration stopGracePeriod = Duration.ofSeconds(10);

		private Duration retention = Duration.ofHours(6);

		private int maxFinishedJobs = 10_000;

		private @Nullable Duration cleanupInterval;

		private Duration pollInterval = Duration.ofMillis(500);

		private Duration recoveryCheckInterval = Duration.ofSeconds(30);

		private SchedulerTransactions transactions = SchedulerTransactions.NONE;

		private QueueLimits limits = QueueLimits.DEFAULTS;

		private Predicate<Caller> admins = (caller) -> false;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable JobObservationConvention jobObservationConvention;

		private @Nullable JobSubmitObservationConvention submitObservationConvention;

		private Builder(Scheduler scheduler, CommandRegistry registry) {
			this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
			this.registry = Objects.requireNonNull(registry, "registry");
		}

		public Builder store(JobStore store) {
			this.store = store;
			return this;
		}

		public Builder mapper(ObjectMapper mapper) {
			this.mapper = mapper;
			return this;
		}

		/** The clock for timestamps and retention. */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		public Builder nodeId(@Nullable String nodeId) {
			this.nodeId = nodeId;
			return this;
		}

		/** More pending jobs than this are refused with {@code -32006}. */
		public Builder maxPending(int maxPending) {
			this.maxPending = positive(maxPending, "maxPending");
			return this;
		}

		/** The timeout of commands that declare none. */
		public Builder defaultTimeout(Duration timeout) {
			this.defaultTimeout = positive(timeout, "defaultTimeout");
			return this;
		}

		/** How long a stop waits for a cooperative end before interrupting the worker. */
		public Builder stopGracePeriod(Duration grace) {
			this.stopGracePeriod = Objects.requireNonNull(grace, "stopGracePeriod");
			return this;
		}

		/** How long terminal jobs are kept. */
		public Builder retention(Duration retention) {
			this.retention = positive(retention, "retention");
			return this;
		}

		/** At most this many terminal jobs are kept (the oldest go first). */
		public Builder maxFinishedJobs(int max) {
			this.maxFinishedJobs = positive(max, "maxFinishedJobs");
			return this;
		}

		/**
		 * How often expired jobs are removed; default retention / 6, between 1 minute and
		 * 1 hour.
		 */
		public Builder cleanupInterval(@Nullable Duration interval) {
			this.cleanupInterval = interval;
			return this;
		}

		/** How often a shared store is polled for changes made on other nodes. */
		public Builder pollInterval(Duration interval) {
			this.pollInterval = positive(interval, "pollInterval");
			return this;
		}

		/** How often jobs left running by a dead node are looked for. */
		public Builder recoveryCheckInterval(Duration interval) {
			this.recoveryCheckInterval = positive(interval, "recoveryCheckInterval");
			return this;
		}

		/**
		 * How Quartz job store changes are made atomic; required with Spring's
		 * LocalDataSourceJobStore.
		 */
		public Builder schedulerTransactions(SchedulerTransactions transactions) {
			this.transactions = Objects.requireNonNull(transactions, "transactions");
			return this;
		}

		/** Concurrency limits, quotas, size caps and waiting bounds. */
		public Builder limits(QueueLimits limits) {
			this.limits = Objects.requireNonNull(limits, "limits");
			return this;
		}

		/**
		 * Who may see, stop and delete every caller's jobs; default nobody (each caller
		 * sees its own). The starter passes {@code CommandAuthorizer::isQueueAdmin}.
		 */
		public Builder admins(Predicate<Caller> admins) {
			this.admins = Objects.requireNonNull(admins, "admins");
			return this;
		}

		/**
		 * Where submissions ({@code rpc.adapter.queue.submit}) and executions
		 * ({@code rpc.adapter.queue.job}) of jobs are observed; a job's execution
		 * continues the trace of the call that submitted it. Default
		 * {@link ObservationRegistry#NOOP}.
		 */
		public Builder observationRegistry(ObservationRegistry registry) {
			this.observationRegistry = Objects.requireNonNull(registry, "registry");
			return this;
		}

		/** Replace the default observation conventions; {@code null} keeps a default. */
		public Builder observationConventions(@Nullable JobObservationConvention job,
				@Nullable JobSubmitObservationConvention submit) {
			this.jobObservationConvention = job;
			this.submitObservationConvention = submit;
			return this;
		}

		public JobQueue build() {
			return new dev.rpcadapter.queue.DefaultJobQueue(settings());
		}

		private dev.rpcadapter.queue.QueueSettings settings() {
			Duration cleanup = (this.cleanupInterval != null) ? this.cleanupInterval
					: clamp(this.retention.dividedBy(6), Duration.ofMinutes(1), Duration.ofHours(1));
			return new dev.rpcadapter.queue.QueueSettings(this.scheduler, this.registry, this.store, this.mapper,
					this.clock, this.nodeId, this.maxPending, this.defaultTimeout, this.stopGracePeriod, this.retention,
					this.maxFinishedJobs, cleanup, this.pollInterval, this.recoveryCheckInterval, this.transactions,
					this.limits, this.admins, new JobObservations(this.observationRegistry,
							this.jobObservationConvention, this.submitObservationConvention));
		}

		private static Duration clamp(Duration value, Duration min, Duration max) {
			return (value.compareTo(min) < 0) ? min : (value.compareTo(max) > 0) ? max : value;
		}

		private static int positive(int value, String name) {
			if (value < 1) {
				throw new IllegalArgumentException(name + " must be positive, was " + value);
			}
			return value;
		}

		private static Duration positive(Duration value, String name) {
			if (value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, was " + value);
			}
			return value;
		}

	}

}
