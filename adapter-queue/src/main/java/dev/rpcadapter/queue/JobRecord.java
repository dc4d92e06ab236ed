package dev.rpcadapter.queue;

import java.time.Instant;
import java.util.Objects;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What is stored about one job.
 *
 * @param jobId the job's id (a UUID)
 * @param command the command's name
 * @param params the validated params as given by the caller, or {@code null}
 * @param owner who submitted the job (principal and roles; a JDBC store keeps no
 * attributes)
 * @param status the current state
 * @param progress 0..100
 * @param description what the job is doing, at most {@value #MAX_DESCRIPTION} characters
 * @param result the command's result, only for {@link JobStatus#COMPLETED}
 * @param error the JSON-RPC error, only for {@link JobStatus#FAILED}
 * @param stopRequested whether {@code queue_stop_job} was called for it
 * @param createdAt when it was submitted
 * @param startedAt when a worker started it
 * @param finishedAt when it reached a terminal state
 * @param updatedAt when the record last changed
 * @param node the id of the node that runs (or ran) it
 * @param traceParent the W3C {@code traceparent} of the call that submitted it, or
 * {@code null}: its execution continues that trace
 */
public record JobRecord(String jobId, String command, @Nullable JsonNode params, Caller owner, JobStatus status,
		int progress, String description, @Nullable JsonNode result, @Nullable JsonRpcError error,
		boolean stopRequested, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
		Instant updatedAt, @Nullable String node, @Nullable String traceParent) {

	/** The longest description kept; longer ones are truncated. */
	public static final int MAX_DESCRIPTION = 1024;

	public JobRecord {
		Objects.requireNonNull(jobId, "jobId");
		Objects.requireNonNull(status, "status");
		progress = clampProgress(progress);
		description = truncate(description);
	}

	/** A new pending job. */
	public static JobRecord pending(String jobId, String command, @Nullable JsonNode params, Caller owner,
			Instant now) {
		return pending(jobId, command, params, owner, now, null);
	}

	/** A new pending job that continues the trace of {@code traceParent}. */
	public static JobRecord pending(String jobId, String command, @Nullable JsonNode params, Caller owner, Instant now,
			@Nullable String traceParent) {
		return new JobRecord(jobId, command, params, owner, JobStatus.PENDING, 0, "", null, null, false, now, null,
				null, now, null, traceParent);
	}

	public static int clampProgress(int percent) {
		return Math.max(0, Math.min(100, percent));
	}

	public static String truncate(@Nullable String description) {
		if (description == null) {
			return "";
		}
		return (description.length() <= MAX_DESCRIPTION) ? description : description.substring(0, MAX_DESCRIPTION);
	}

	/**
	 * Whether {@code caller} owns this job (a queue admin sees others' too:
	 * {@link JobQueue#isAdmin}).
	 */
	public boolean isOwnedBy(Caller caller) {
		return this.owner.principal().equals(caller.principal());
	}
}
