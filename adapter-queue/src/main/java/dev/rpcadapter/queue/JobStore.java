package dev.rpcadapter.queue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * Where job records live. Updates are compare-and-set on the expected state, so a stale
 * worker (a node that was declared dead) or a late stop can never overwrite a newer
 * truth.
 */
public interface JobStore {

	/** Stores a new record. */
	void insert(JobRecord record);

	Optional<JobRecord> find(String jobId);

	/** The records of those ids that exist. */
	List<JobRecord> findAll(Collection<String> jobIds);

	/**
	 * Replaces the mutable fields (status, progress, description, result, error,
	 * timestamps, node) of a record if it is in the expected state; never clears
	 * {@code stopRequested}.
	 * @param expectedNode the node that must own the record, or {@code null} for any
	 * @return whether the record was updated
	 */
	boolean update(JobRecord updated, JobStatus expectedStatus, @Nullable String expectedNode);

	/**
	 * Claims a pending record for a worker (replaces it with {@code running}) unless a
	 * concurrency limit is reached. On a shared store the count and the claim are atomic
	 * across nodes.
	 * @param commandLimit at most this many running jobs of the record's command; 0 for
	 * no limit
	 * @param globalLimit at most this many running jobs in all; 0 for no limit
	 */
	Claim claim(JobRecord running, int commandLimit, int globalLimit);

	/** The outcome of {@link #claim}. */
	enum Claim {

		/** The record is now running. */
		CLAIMED,

		/** The record was not pending any more (stopped, deleted, claimed elsewhere). */
		CHANGED,

		/** A concurrency limit is reached; the record stays pending. */
		LIMITED

	}

	/** The number of pending records of one owner (the per-caller quota). */
	default long countPending(String owner) {
		return query(new JobQuery(owner, JobStatus.PENDING, null, 1, 0)).totalCount();
	}

	/**
	 * Refreshes {@code updatedAt} of running records of this node: the heartbeat that
	 * tells other nodes the jobs are alive (a job adopted from a request has no Quartz
	 * job to show it).
	 * @return how many were refreshed
	 */
	default int touch(Collection<String> jobIds, String node, java.time.Instant now) {
		return 0;
	}

	/**
	 * Appends a line to a job's log and drops the oldest beyond {@code maxLines}. Lines
	 * are numbered by the caller (one writer per job: the node that runs it).
	 */
	void appendLog(String jobId, JobLogLine line, int maxLines);

	/**
	 * The highest line number of a job's log, 0 if none (a re-run continues after it).
	 */
	long lastLogSeq(String jobId);

	/** Removes a job's log (its job was deleted). */
	void deleteLogs(String jobId);

	/** Lines of a job's log, oldest first. */
	JobLogPage logs(String jobId, int offset, int limit);

	/** Marks a stop request on a non-terminal record; returns whether it was marked. */
	boolean requestStop(String jobId, java.time.Instant now);

	/** Removes a record; returns whether it existed. */
	boolean delete(String jobId);

	JobPage query(JobQuery query);

	/** The number of records per state (every state present, zero when none). */
	Map<JobStatus, Long> countByStatus();

	/**
	 * The number of records in one state. Stores should answer without scanning finished
	 * records: the queue asks for the pending count on every submit.
	 */
	default long count(JobStatus status) {
		return countByStatus().getOrDefault(status, 0L);
	}

	/** Up to {@code limit} records in the given state, oldest first. */
	List<JobRecord> findByStatus(JobStatus status, int limit);

	/** Removes terminal records finished before {@code cutoff}; returns how many. */
	int deleteFinishedBefore(java.time.Instant cutoff);

	/**
	 * Removes the oldest terminal records so that at most {@code keep} remain; returns
	 * how many.
	 */
	int trimFinished(int keep);

	/** Whether other nodes share this store (so changes may come from elsewhere). */
	boolean isShared();

	/** A short name for health output: {@code memory} or {@code jdbc}. */
	String kind();

	/** A store in this JVM's memory: fast, lost on restart, not shared. */
	static JobStore inMemory() {
		return new dev.rpcadapter.queue.InMemoryJobStore();
	}

	/**
	 * A store in a relational database (PostgreSQL tested), shared by all nodes that use
	 * it.
	 * @param table the table name (see {@link QueueSchema#createJobTable})
	 */
	static JobStore jdbc(DataSource dataSource, ObjectMapper mapper, String table) {
		return new dev.rpcadapter.queue.JdbcJobStore(dataSource, mapper, table);
	}

}
