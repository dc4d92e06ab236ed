package dev.rpcadapter.autoconfigure.queue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings of the job queue ({@code adapter.queue.*}). */
@ConfigurationProperties("adapter.queue")
public class AdapterQueueProperties {

	/**
	 * Whether queued commands run as jobs; when off, calling a queued command is an
	 * error.
	 */
	private boolean enabled = true;

	/**
	 * Where job records live: memory (lost on restart) or jdbc (the application's
	 * DataSource, clustered).
	 */
	private Store store = Store.MEMORY;

	/** Worker threads of this node (Quartz's org.quartz.threadPool.threadCount). */
	private int workers = 8;

	/**
	 * Whether the queue contributes the spring.quartz.* settings it needs (thread count;
	 * for the jdbc store the clustered PostgreSQL job store) where the application sets
	 * none. Turn off to configure Quartz entirely yourself.
	 */
	private boolean quartzDefaults = true;

	/** Pending jobs beyond this are refused with -32006 (queue full). */
	private int maxPending = 10_000;

	/** How long finished jobs are kept. */
	private Duration retention = Duration.ofHours(6);

	/** At most this many finished jobs are kept; the oldest are removed first. */
	private int maxFinishedJobs = 10_000;

	/** Timeout of commands that declare none; a job over it fails with -32003. */
	private Duration defaultTimeout = Duration.ofHours(1);

	/**
	 * How long a stopped job may take to end cooperatively before its worker is
	 * interrupted.
	 */
	private Duration stopGracePeriod = Duration.ofSeconds(10);

	/**
	 * How often finished jobs past retention are removed; default retention / 6 within 1
	 * min..1 h.
	 */
	private @Nullable Duration cleanupInterval;

	/**
	 * How often a node polls the shared store for changes and stop requests made on other
	 * nodes (jdbc).
	 */
	private Duration pollInterval = Duration.ofMillis(500);

	/** How often jobs left running by a stopped node are looked for. */
	private Duration recoveryCheckInterval = Duration.ofSeconds(30);

	/**
	 * At most this many running jobs per command name (the seed's per_job_type_limits),
	 * across all nodes of a shared store; jobs over it wait pending.
	 */
	private Map<String, Integer> limits = new LinkedHashMap<>();

	/**
	 * At most this many running jobs in all, across all nodes of a shared store; 0 for no
	 * limit beyond the workers.
	 */
	private int maxConcurrent = 0;

	/**
	 * At most this many pending jobs per caller (principal); more are refused with
	 * -32006; 0 for no quota.
	 */
	private int maxPendingPerCaller = 0;

	/**
	 * The largest params (as JSON) a queued call may store; larger ones are refused with
	 * -32602.
	 */
	private DataSize maxParamsSize = DataSize.ofMegabytes(1);

	/**
	 * The largest result or error (as JSON) a finished job keeps; a larger result fails
	 * the job with a clear error.
	 */
	private DataSize maxResultSize = DataSize.ofMegabytes(1);

	/**
	 * How long a non-queued command may run inside its request before it is handed to the
	 * queue as a running job (answered with queued_after_timeout); unset for no cap.
	 */
	private @Nullable Duration syncCap;

	/**
	 * The seed's poll_interval for calls that give none (accepted for compatibility;
	 * waiting is event-driven).
	 */
	private @Nullable Duration defaultPollInterval;

	/**
	 * How long a queued call waits for its job to end before answering, when the call
	 * gives no max_wait_time; unset for no waiting.
	 */
	private @Nullable Duration defaultMaxWaitTime;

	/**
	 * At most this many calls wait for their jobs at once on this node; beyond it calls
	 * are answered with the queued envelope at once.
	 */
	private int maxWaitingCalls = 1000;

	/** Log lines kept per job (the oldest are dropped and counted). */
	private int maxLogLines = 1000;

	private final Jdbc jdbc = new Jdbc();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isQuartzDefaults() {
		return this.quartzDefaults;
	}

	public void setQuartzDefaults(boolean quartzDefaults) {
		this.quartzDefaults = quartzDefaults;
	}

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public int getWorkers() {
		return this.workers;
	}

	public void setWorkers(int workers) {
		this.workers = workers;
	}

	public int getMaxPending() {
		return this.maxPending;
	}

	public void setMaxPending(int maxPending) {
		this.maxPending = maxPending;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public int getMaxFinishedJobs() {
		return this.maxFinishedJobs;
	}

	public void setMaxFinishedJobs(int maxFinishedJobs) {
		this.maxFinishedJobs = maxFinishedJobs;
	}

	public Duration getDefaultTimeout() {
		return this.defaultTimeout;
	}

	public void setDefaultTimeout(Duration defaultTimeout) {
		this.defaultTimeout = defaultTimeout;
	}

	public Duration getStopGracePeriod() {
		return this.stopGracePeriod;
	}

	public void setStopGracePeriod(Duration stopGracePeriod) {
		this.stopGracePeriod = stopGracePeriod;
	}

	public @Nullable Duration getCleanupInterval() {
		return this.cleanupInterval;
	}

	public void setCleanupInterval(@Nullable Duration cleanupInterval) {
		this.cleanupInterval = cleanupInterval;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public Duration getRecoveryCheckInterval() {
		return this.recoveryCheckInterval;
	}

	public void setRecoveryCheckInterval(Duration recoveryCheckInterval) {
		this.recoveryCheckInterval = recoveryCheckInterval;
	}

	public Map<String, Integer> getLimits() {
		return this.limits;
	}

	public void setLimits(Map<String, Integer> limits) {
		this.limits = limits;
	}

	public int getMaxConcurrent() {
		return this.maxConcurrent;
	}

	public void setMaxConcurrent(int maxConcurrent) {
		this.maxConcurrent = maxConcurrent;
	}

	public int getMaxPendingPerCaller() {
		return this.maxPendingPerCaller;
	}

	public void setMaxPendingPerCaller(int maxPendingPerCaller) {
		this.maxPendingPerCaller = maxPendingPerCaller;
	}

	public DataSize getMaxParamsSize() {
		return this.maxParamsSize;
	}

	public void setMaxParamsSize(DataSize maxParamsSize) {
		this.maxParamsSize = maxParamsSize;
	}

	public DataSize getMaxResultSize() {
		return this.maxResultSize;
	}

	public void setMaxResultSize(DataSize maxResultSize) {
		this.maxResultSize = maxResultSize;
	}

	public @Nullable Duration getSyncCap() {
		return this.syncCap;
	}

	public void setSyncCap(@Nullable Duration syncCap) {
		this.syncCap = syncCap;
	}

	public @Nullable Duration getDefaultPollInterval() {
		return this.defaultPollInterval;
	}

	public void setDefaultPollInterval(@Nullable Duration defaultPollInterval) {
		this.defaultPollInterval = defaultPollInterval;
	}

	public @Nullable Duration getDefaultMaxWaitTime() {
		return this.defaultMaxWaitTime;
	}

	public void setDefaultMaxWaitTime(@Nullable Duration defaultMaxWaitTime) {
		this.defaultMaxWaitTime = defaultMaxWaitTime;
	}

	public int getMaxWaitingCalls() {
		return this.maxWaitingCalls;
	}

	public void setMaxWaitingCalls(int maxWaitingCalls) {
		this.maxWaitingCalls = maxWaitingCalls;
	}

	public int getMaxLogLines() {
		return this.maxLogLines;
	}

	public void setMaxLogLines(int maxLogLines) {
		this.maxLogLines = maxLogLines;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	/** Where job records live. */
	public enum Store {

		/** In this JVM's memory, with Quartz's RAMJobStore. */
		MEMORY,

		/** In the application's DataSource, with Quartz's clustered JDBC job store. */
		JDBC

	}

	/** Settings of the JDBC store. */
	public static class Jdbc {

		/** The job record table. */
		private String table = "adapter_jobs";

		/**
		 * Whether the job table and Quartz's tables are created at startup if absent
		 * (never dropped).
		 */
		private boolean initializeSchema = true;

		/** Quartz's table prefix (org.quartz.jobStore.tablePrefix). */
		private String quartzTablePrefix = "QRTZ_";

		public String getTable() {
			return this.table;
		}

		public void setTable(String table) {
			this.table = table;
		}

		public boolean isInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(boolean initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public String getQuartzTablePrefix() {
			return this.quartzTablePrefix;
		}

		public void setQuartzTablePrefix(String quartzTablePrefix) {
			this.quartzTablePrefix = quartzTablePrefix;
		}

	}

}
