package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The bounds of a job queue; {@code 0} (or {@code null}) means "no limit" where noted.
 *
 * @param perCommand at most this many running jobs per command name, across all nodes of
 * the store
 * @param maxConcurrent at most this many running jobs in all, across all nodes; 0 for no
 * limit
 * @param maxPendingPerCaller at most this many pending jobs per caller; 0 for no limit
 * @param maxParamsSize the largest params (serialized JSON, bytes) a job may store
 * @param maxResultSize the largest result or error (serialized JSON, bytes) a finished
 * job keeps
 * @param defaultMaxWait how long a submit waits for the job to end when the call names no
 * {@code max_wait_time}; {@code null} for no waiting
 * @param maxWaitingCalls at most this many calls wait for their jobs at once on this node
 * @param maxLogLines the log lines kept per job (the oldest are dropped)
 */
public record QueueLimits(Map<String, Integer> perCommand, int maxConcurrent, int maxPendingPerCaller,
		long maxParamsSize, long maxResultSize, @Nullable Duration defaultMaxWait, int maxWaitingCalls,
		int maxLogLines) {

	/**
	 * No concurrency limits or quotas; 1 MiB params and results; no waiting; 1000 log
	 * lines.
	 */
	public static final QueueLimits DEFAULTS = new QueueLimits(Map.of(), 0, 0, 1 << 20, 1 << 20, null, 1000, 1000);

	public QueueLimits {
		perCommand = Map.copyOf(perCommand);
		perCommand.forEach((command, limit) -> atLeast(limit, 1, "limit of command '" + command + "'"));
		atLeast(maxConcurrent, 0, "maxConcurrent");
		atLeast(maxPendingPerCaller, 0, "maxPendingPerCaller");
		atLeast(maxParamsSize, 1, "maxParamsSize");
		atLeast(maxResultSize, 1, "maxResultSize");
		atLeast(maxWaitingCalls, 0, "maxWaitingCalls");
		atLeast(maxLogLines, 1, "maxLogLines");
	}

	private static void atLeast(long value, long min, String name) {
		if (value < min) {
			throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
		}
	}

	/** The running-jobs limit of a command, 0 for none. */
	public int limitOf(String command) {
		return this.perCommand.getOrDefault(command, 0);
	}
}
