package dev.rpcadapter.dispatch;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Results in the seed adapter's envelope
 * ({@code adapter.jsonrpc.result-format: envelope}): {@code {"success": true, "data":
 * value}}, with the two shapes its clients read differently. A queued call answers
 * {@code {"success": true, "job_id", "status": "pending", "message", ...}} (the job
 * fields at the top, not under {@code data}); a job status carries the command's own
 * envelope as its {@code result}, so the queue's state and the command's outcome stay
 * apart.
 */
final class SeedEnvelope {

	private static final JsonNodeFactory json = JsonNodeFactory.instance;

	private SeedEnvelope() {
	}

	static ObjectNode wrap(String method, @Nullable JsonNode value, boolean queued) {
		if (queued && value instanceof ObjectNode submitted && submitted.has("job_id")) {
			ObjectNode envelope = json.objectNode().put("success", true);
			envelope.setAll(submitted);
			return envelope.put("message", "Command '" + method + "' has been queued for execution");
		}
		if (isJobStatus(method) && value instanceof ObjectNode job && job.has("result")) {
			ObjectNode status = job.deepCopy();
			status.set("result", success(job.get("result")));
			value = status;
		}
		return success(value);
	}

	private static ObjectNode success(@Nullable JsonNode value) {
		ObjectNode envelope = json.objectNode().put("success", true);
		envelope.set("data", (value != null) ? value : json.nullNode());
		return envelope;
	}

	private static boolean isJobStatus(String method) {
		return method.equals("queue_get_job_status") || method.equals("job_status");
	}

}
