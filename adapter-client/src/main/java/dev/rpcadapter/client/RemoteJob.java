package dev.rpcadapter.client;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A job as returned by {@code queue_get_job_status}.
 *
 * @param jobId the job id
 * @param command the queued command's name
 * @param state the job's state
 * @param progress progress 0..100
 * @param description the last progress description, may be empty
 * @param result the command's return value once {@link RemoteJobState#COMPLETED}, else
 * {@code null}
 * @param error the JSON-RPC error once {@link RemoteJobState#FAILED}, else {@code null}
 * @param createdAt when the job was queued, {@code null} if the server did not say
 * @param startedAt when a worker picked it up
 * @param finishedAt when it reached a terminal state
 */
public record RemoteJob(String jobId, String command, RemoteJobState state, int progress, String description,
		@Nullable JsonNode result, @Nullable RpcError error, @Nullable Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant finishedAt) {

	/**
	 * Reads a job object {@code {"job_id","command","status","progress","description",
	 * "result"?,"error"?,"created_at","started_at"?,"finished_at"?}}.
	 * @param node the job object
	 * @return the job status
	 * @throws RpcProtocolException if {@code job_id} or {@code status} is missing or
	 * invalid
	 */
	public static RemoteJob fromJson(JsonNode node) {
		JsonNode jobId = node.path("job_id");
		JsonNode status = node.path("status");
		if (!jobId.isString() || !status.isString()) {
			throw new RpcProtocolException("Not a job object (needs string job_id and status): " + node);
		}
		JsonNode error = node.get("error");
		return new RemoteJob(jobId.stringValue(), node.path("command").asString(""),
				RemoteJobState.fromWireName(status.stringValue()), node.path("progress").asInt(0),
				node.path("description").asString(""), present(node.get("result")),
				(present(error) != null) ? RpcError.fromJson(error) : null, instant(node, "created_at"),
				instant(node, "started_at"), instant(node, "finished_at"));
	}

	private static @Nullable JsonNode present(@Nullable JsonNode node) {
		return (node == null || node.isNull() || node.isMissingNode()) ? null : node;
	}

	private static @Nullable Instant instant(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (!value.isString() || value.stringValue().isEmpty()) {
			return null;
		}
		try {
			return Instant.parse(value.stringValue());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new RpcProtocolException("Job field " + field + " is not an ISO-8601 UTC instant: " + value);
		}
	}

}
