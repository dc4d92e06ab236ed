package dev.rpcadapter.queue;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import dev.rpcadapter.jsonrpc.JsonRpcError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The wire shapes of jobs: the job object, push events, and error objects. */
final class JobJson {

	private JobJson() {
	}

	/**
	 * {@code {"job_id","command","status","progress","description","result"?,"error"?,"created_at",...}}
	 */
	public static ObjectNode job(JobRecord record) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("job_id", record.jobId()).put("command", record.command());
		state(node, record);
		node.put("created_at", format(record.createdAt()));
		if (record.startedAt() != null) {
			node.put("started_at", format(record.startedAt()));
		}
		if (record.finishedAt() != null) {
			node.put("finished_at", format(record.finishedAt()));
		}
		return node;
	}

	/**
	 * {@code {"event","job_id","status","progress","description","result"?,"error"?,"timestamp"}}
	 */
	public static ObjectNode event(JobRecord record) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("event", eventName(record.status())).put("job_id", record.jobId());
		state(node, record);
		node.put("timestamp", format(record.updatedAt()));
		return node;
	}

	/**
	 * Whether an event name ends a job's event stream ({@code job_completed},
	 * {@code job_failed}, {@code job_stopped}, {@code job_deleted}).
	 */
	static boolean isTerminalEvent(String event) {
		return event.equals("job_completed") || event.equals("job_failed") || event.equals("job_stopped")
				|| event.equals("job_deleted");
	}

	static String eventName(JobStatus status) {
		return switch (status) {
			case COMPLETED -> "job_completed";
			case FAILED -> "job_failed";
			case STOPPED -> "job_stopped";
			case DELETED -> "job_deleted";
			default -> "job_progress";
		};
	}

	private static void state(ObjectNode node, JobRecord record) {
		node.put("status", record.status().wire())
			.put("progress", record.progress())
			.put("description", record.description());
		if (record.status() == JobStatus.COMPLETED) {
			node.set("result", (record.result() != null) ? record.result() : JsonNodeFactory.instance.nullNode());
		}
		if (record.error() != null) {
			node.set("error", error(record.error()));
		}
	}

	/**
	 * {@code {"job_id","lines":[{"seq","ts","level","message"}],"total","dropped","offset","limit",
	 * "stdout":[…],"stderr":[…],"stdout_lines","stderr_lines"}}: the seed's stdout/stderr
	 * split (WARN and ERROR lines as stderr) beside the structured lines.
	 */
	public static ObjectNode logs(String jobId, dev.rpcadapter.queue.JobLogPage page, int offset, int limit) {
		ObjectNode node = JsonNodeFactory.instance.objectNode().put("job_id", jobId);
		var lines = node.putArray("lines");
		var stdout = JsonNodeFactory.instance.arrayNode();
		var stderr = JsonNodeFactory.instance.arrayNode();
		for (dev.rpcadapter.queue.JobLogLine line : page.lines()) {
			lines.addObject()
				.put("seq", line.seq())
				.put("ts", format(line.ts()))
				.put("level", line.level())
				.put("message", line.message());
			boolean error = "WARN".equals(line.level()) || "ERROR".equals(line.level());
			(error ? stderr : stdout).add(line.message());
		}
		node.put("total", page.total()).put("dropped", page.dropped()).put("offset", offset).put("limit", limit);
		node.set("stdout", stdout);
		node.set("stderr", stderr);
		return node.put("stdout_lines", stdout.size()).put("stderr_lines", stderr.size());
	}

	public static ObjectNode error(JsonRpcError error) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("code", error.code()).put("message", error.message());
		if (error.data() != null) {
			node.set("data", error.data());
		}
		return node;
	}

	public static JsonRpcError parseError(JsonNode node) {
		JsonNode data = node.get("data");
		return new JsonRpcError(node.path("code").asInt(), node.path("message").asString(""),
				(data == null || data.isNull()) ? null : data);
	}

	public static String format(@Nullable Instant instant) {
		return (instant != null) ? DateTimeFormatter.ISO_INSTANT.format(instant) : "";
	}

}
