package dev.rpcadapter.mcp;

import java.time.Duration;

import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.queue.JobRecord;
import dev.rpcadapter.queue.JobStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Jobs and job events in MCP's task shapes. */
final class TaskJson {

	/** How often a client is asked to poll, in milliseconds. */
	static final int POLL_INTERVAL = 1000;

	private final long ttlMillis;

	TaskJson(Duration ttl) {
		this.ttlMillis = ttl.toMillis();
	}

	ObjectNode task(JobRecord record) {
		ObjectNode task = Rpc.object().put("taskId", record.jobId()).put("status", status(record.status()));
		if (!record.description().isEmpty()) {
			task.put("statusMessage", record.description());
		}
		return task.put("createdAt", record.createdAt().toString())
			.put("lastUpdatedAt", record.updatedAt().toString())
			.put("ttl", this.ttlMillis)
			.put("pollInterval", POLL_INTERVAL);
	}

	/**
	 * MCP's task status of a job status ({@code stopped}, and a {@code deleted}
	 * tombstone, are {@code cancelled}).
	 */
	static String status(JobStatus status) {
		return switch (status) {
			case PENDING, RUNNING -> "working";
			case COMPLETED -> "completed";
			case FAILED -> "failed";
			case STOPPED, DELETED -> "cancelled";
		};
	}

	/** MCP's task status of a job event. */
	static String status(JsonNode event) {
		try {
			return status(JobStatus.fromWire(event.path("status").asString("")));
		}
		catch (IllegalArgumentException ex) {
			return "working";
		}
	}

	static boolean isTerminal(JsonNode event) {
		String status = event.path("status").asString("");
		return "completed".equals(status) || "failed".equals(status) || "stopped".equals(status)
				|| "deleted".equals(status);
	}

	/** The tool result of a terminal job event. */
	static ObjectNode toolResult(JsonNode event) {
		String status = event.path("status").asString("");
		if ("completed".equals(status)) {
			return ToolResults.success(event.get("result"));
		}
		if ("failed".equals(status) && event.path("error").isObject()) {
			JsonNode error = event.get("error");
			return ToolResults.error(new JsonRpcError(error.path("code").asInt(), error.path("message").asString(""),
					error.get("data")));
		}
		return ToolResults.text("The job " + event.path("job_id").asString() + " was stopped.", true);
	}

}
