package dev.rpcadapter.mcp;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.queue.JobPage;
import dev.rpcadapter.queue.JobQuery;
import dev.rpcadapter.queue.JobQueue;
import dev.rpcadapter.queue.JobRecord;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jobs as MCP resources {@code job://{job_id}}: listed, read, subscribed to, completed.
 */
final class JobResources {

	static final String SCHEME = "job://";

	/** MCP's error code for a resource that does not exist. */
	static final int RESOURCE_NOT_FOUND = -32002;

	private final JobQueue queue;

	private final int pageSize;

	JobResources(JobQueue queue, int pageSize) {
		this.queue = queue;
		this.pageSize = pageSize;
	}

	static ObjectNode templates() {
		ObjectNode result = Rpc.object();
		result.putArray("resourceTemplates")
			.addObject()
			.put("uriTemplate", SCHEME + "{job_id}")
			.put("name", "job")
			.put("title", "Queued job")
			.put("description", "A queued command's job: status, progress, result or error")
			.put("mimeType", "application/json");
		return result;
	}

	Mono<JsonNode> list(McpCall call) {
		return blocking(() -> {
			int offset = Cursors.offset(Rpc.text(call.params(), "cursor"), Integer.MAX_VALUE);
			JobPage page = this.queue.list(
					new JobQuery(null, (dev.rpcadapter.queue.JobStatus) null, (String) null, this.pageSize, offset),
					call.caller());
			ObjectNode result = Rpc.object();
			ArrayNode resources = result.putArray("resources");
			for (JobRecord record : page.jobs()) {
				resources.addObject()
					.put("uri", SCHEME + record.jobId())
					.put("name", record.jobId())
					.put("title", record.command() + " (" + record.status().wire() + ")")
					.put("mimeType", "application/json");
			}
			if (offset + page.jobs().size() < page.totalCount()) {
				result.put("nextCursor", Cursors.of(offset + page.jobs().size()));
			}
			return result;
		});
	}

	Mono<JsonNode> read(McpCall call) {
		String uri = Rpc.requireText(call.params(), "uri");
		return blocking(() -> {
			JobRecord record = find(uri, call.caller());
			ObjectNode result = Rpc.object();
			result.putArray("contents")
				.addObject()
				.put("uri", uri)
				.put("mimeType", "application/json")
				.put("text", this.queue.toJson(record).toString());
			return result;
		});
	}

	/**
	 * Subscribes the session: each change of the job sends
	 * {@code notifications/resources/updated}.
	 */
	Mono<JsonNode> subscribe(McpCall call, Session session) {
		String uri = Rpc.requireText(call.params(), "uri");
		return blocking(() -> {
			String jobId = find(uri, call.caller()).jobId();
			session.subscribe(uri,
					this.queue.events(jobId, call.caller())
						.skip(1)
						.subscribe((event) -> session
							.notify(Rpc.notification("notifications/resources/updated", Rpc.object().put("uri", uri))),
								(error) -> session.unsubscribe(uri)));
			return Rpc.object();
		});
	}

	/**
	 * {@code completion/complete} of {@code job_id} in {@code job://{job_id}}: the
	 * caller's job ids.
	 */
	Mono<JsonNode> complete(McpCall call, String prefix) {
		return blocking(() -> {
			JobPage page = this.queue
				.list(new JobQuery(null, (dev.rpcadapter.queue.JobStatus) null, (String) null, 1000, 0), call.caller());
			return Completions
				.of(page.jobs().stream().map(JobRecord::jobId).filter((id) -> id.startsWith(prefix)).toList());
		});
	}

	private JobRecord find(String uri, Caller caller) {
		String jobId = uri.startsWith(SCHEME) ? uri.substring(SCHEME.length()) : "";
		try {
			return this.queue.get(jobId, caller);
		}
		catch (RuntimeException ex) {
			throw new McpException(RESOURCE_NOT_FOUND, "Resource not found: " + uri);
		}
	}

	private static Mono<JsonNode> blocking(java.util.concurrent.Callable<@Nullable JsonNode> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

}
