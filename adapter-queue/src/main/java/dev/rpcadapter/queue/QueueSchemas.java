package dev.rpcadapter.queue;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas of the built-in queue commands' params and results (single-string types
 * only).
 */
final class QueueSchemas {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private QueueSchemas() {
	}

	static ObjectNode empty() {
		return object();
	}

	static ObjectNode jobId() {
		ObjectNode schema = object();
		schema.putObject("properties").set("job_id", string("The job's id, as returned when it was queued"));
		schema.putArray("required").add("job_id");
		return schema;
	}

	static ObjectNode list() {
		ObjectNode schema = object();
		ObjectNode properties = schema.putObject("properties");
		ObjectNode status = string("A job state");
		states(status);
		properties.set("status_filter", oneOrMany("Only jobs in this state (or one of these states)", status));
		properties.set("command",
				oneOrMany("Only jobs of this command (or one of these commands)", string("A command name")));
		properties.set("job_type", oneOrMany("Alias of command (the seed's name)", string("A command name")));
		properties.set("limit", integer("At most this many jobs", 1, 1000).put("default", 100));
		properties.set("offset", integer("Skip this many jobs", 0, Integer.MAX_VALUE).put("default", 0));
		return schema;
	}

	static ObjectNode job() {
		ObjectNode schema = JSON.objectNode().put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		properties.set("job_id", string("The job's id"));
		properties.set("command", string("The queued command"));
		ObjectNode status = string("pending, running, completed, failed, stopped or deleted");
		states(status);
		properties.set("status", status);
		properties.set("progress", integer("Percent done", 0, 100));
		properties.set("description", string("What the job is doing"));
		properties.putObject("result").put("description", "The command's result (completed jobs)");
		properties.set("error",
				JSON.objectNode().put("type", "object").put("description", "The JSON-RPC error object (failed jobs)"));
		properties.set("created_at", string("ISO-8601 UTC").put("format", "date-time"));
		properties.set("started_at", string("ISO-8601 UTC").put("format", "date-time"));
		properties.set("finished_at", string("ISO-8601 UTC").put("format", "date-time"));
		schema.putArray("required").add("job_id").add("command").add("status").add("progress").add("created_at");
		return schema;
	}

	static ObjectNode page() {
		ObjectNode schema = JSON.objectNode().put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		properties.putObject("jobs").put("type", "array").set("items", job());
		properties.set("total_count", integer("Jobs matching the filter", 0, Integer.MAX_VALUE));
		properties.set("limit", integer("The limit applied", 1, 1000));
		properties.set("offset", integer("The offset applied", 0, Integer.MAX_VALUE));
		return schema;
	}

	static ObjectNode logsParams() {
		ObjectNode schema = object();
		ObjectNode properties = schema.putObject("properties");
		properties.set("job_id", string("The job's id"));
		properties.set("offset", integer("Skip this many lines", 0, Integer.MAX_VALUE).put("default", 0));
		properties.set("limit", integer("At most this many lines", 1, 10_000).put("default", 1000));
		schema.putArray("required").add("job_id");
		return schema;
	}

	static ObjectNode logs() {
		ObjectNode schema = JSON.objectNode().put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		properties.set("job_id", string("The job's id"));
		properties.putObject("lines")
			.put("type", "array")
			.put("description", "{seq, ts, level, message}, oldest first");
		properties.set("total", integer("Lines kept", 0, Integer.MAX_VALUE));
		properties.set("dropped", integer("Older lines dropped by adapter.queue.max-log-lines", 0, Integer.MAX_VALUE));
		return schema;
	}

	static ObjectNode health() {
		ObjectNode schema = JSON.objectNode().put("type", "object");
		ObjectNode status = string("ok, degraded or down");
		status.putArray("enum").add("ok").add("degraded").add("down");
		schema.putObject("properties").set("status", status);
		return schema;
	}

	private static void states(ObjectNode schema) {
		var values = schema.putArray("enum");
		for (dev.rpcadapter.queue.JobStatus state : dev.rpcadapter.queue.JobStatus.values()) {
			values.add(state.wire());
		}
	}

	/**
	 * A value or a list of values (two single-typed schemas: the seed's proxy reads no
	 * type arrays).
	 */
	private static ObjectNode oneOrMany(String description, ObjectNode item) {
		ObjectNode schema = JSON.objectNode().put("description", description);
		schema.putArray("anyOf").add(item).add(JSON.objectNode().put("type", "array").set("items", item));
		return schema;
	}

	private static ObjectNode object() {
		return JSON.objectNode().put("type", "object").put("additionalProperties", false);
	}

	private static ObjectNode string(String description) {
		return JSON.objectNode().put("type", "string").put("description", description);
	}

	private static ObjectNode integer(String description, int min, int max) {
		return JSON.objectNode()
			.put("type", "integer")
			.put("description", description)
			.put("minimum", min)
			.put("maximum", max);
	}

}
