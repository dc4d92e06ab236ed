package dev.rpcadapter.mcp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@link McpToolSource}s: their tools after the registry's in {@code tools/list},
 * their calls, their tasks (polled), and {@code notifications/tools/list_changed} when
 * they change.
 */
final class ToolSources implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ToolSources.class);

	/**
	 * How often a source's task is polled while a call or {@code tasks/result} waits for
	 * it.
	 */
	static final Duration POLL_EVERY = Duration.ofMillis(250);

	private final List<McpToolSource> sources;

	private final ToolCatalog catalog;

	private final McpSettings settings;

	private final Disposable changes;

	ToolSources(List<McpToolSource> sources, ToolCatalog catalog, McpSettings settings, @Nullable Sessions sessions) {
		this.sources = List.copyOf(sources);
		this.catalog = catalog;
		this.settings = settings;
		this.changes = (sessions == null || this.sources.isEmpty()) ? Disposables.disposed()
				: Flux.merge(this.sources.stream().map(McpToolSource::changes).toList())
					.onErrorContinue((ex, value) -> logger.warn("A tool source's change signal failed", ex))
					.subscribe((change) -> sessions
						.forEach((s) -> s.notify(Rpc.notification("notifications/tools/list_changed", Rpc.object()))));
	}

	boolean isEmpty() {
		return this.sources.isEmpty();
	}

	/**
	 * {@code tools/list}: the commands, then each source's tools, one page after the
	 * cursor.
	 */
	Mono<JsonNode> list(McpCall call) {
		List<ObjectNode> local = this.catalog.visible(call.caller())
			.stream()
			.map((command) -> this.catalog.tool(command.descriptor()))
			.toList();
		return Flux.fromIterable(this.sources)
			.concatMap((source) -> source.tools(call.request()).onErrorResume((ex) -> {
				logger.warn("A tool source failed to list its tools", ex);
				return Mono.just(List.of());
			}))
			.collectList()
			.map((lists) -> {
				List<ObjectNode> all = new ArrayList<>(local);
				java.util.Set<String> names = new java.util.HashSet<>();
				local.forEach((tool) -> names.add(tool.path("name").asString()));
				// a local command wins a name clash, and the first source a clash between
				// sources
				lists.forEach((tools) -> tools.stream()
					.filter((tool) -> names.add(tool.name()))
					.forEach((tool) -> all.add(json(tool))));
				return page(all, Rpc.text(call.params(), "cursor"));
			});
	}

	private JsonNode page(List<ObjectNode> all, @Nullable String cursor) {
		int pageSize = this.settings.pageSize();
		int from = Cursors.offset(cursor, all.size());
		ArrayNode tools = Rpc.NODES.arrayNode();
		all.subList(from, Math.min(all.size(), from + pageSize)).forEach(tools::add);
		ObjectNode result = Rpc.object();
		result.set("tools", tools);
		if (from + pageSize < all.size()) {
			result.put("nextCursor", Cursors.of(from + pageSize));
		}
		return result;
	}

	private static ObjectNode json(McpTool tool) {
		ObjectNode json = Rpc.object().put("name", tool.name());
		if (tool.title() != null && !tool.title().isEmpty()) {
			json.put("title", tool.title());
		}
		json.put("description", tool.description());
		json.set("inputSchema", Schemas.input(tool.inputSchema()));
		if (tool.outputSchema() != null) {
			json.set("outputSchema", tool.outputSchema());
		}
		if (tool.taskSupport()) {
			json.set("execution", Rpc.object().put("taskSupport", "optional"));
		}
		return json;
	}

	/**
	 * Whether a {@code tools/call} goes to a source: no command of that name for the
	 * caller, and a source's name.
	 */
	boolean handlesCall(McpCall call) {
		String name = Rpc.text(call.params(), "name");
		return name != null && source(name) != null && this.catalog.find(name, call.caller()) == null;
	}

	private @Nullable McpToolSource source(String name) {
		return this.sources.stream().filter((s) -> s.hasTool(name)).findFirst().orElse(null);
	}

	Mono<JsonNode> call(McpCall call) {
		String name = Rpc.requireText(call.params(), "name");
		JsonNode arguments = call.params().get("arguments");
		if (arguments != null && !arguments.isObject() && !arguments.isNull()) {
			throw McpException.invalidParams("params.arguments must be an object");
		}
		ObjectNode args = (arguments == null || arguments.isNull()) ? Rpc.object() : (ObjectNode) arguments;
		boolean asTask = call.params().hasNonNull("task");
		McpToolSource source = source(name);
		if (source == null) {
			throw McpException.invalidParams("Unknown tool: " + name);
		}
		return source.call(name, args, asTask, call.request())
			.flatMap((result) -> answer(source, call, result, asTask));
	}

	private Mono<JsonNode> answer(McpToolSource source, McpCall call, McpToolResult result, boolean asTask) {
		if (result instanceof McpToolResult.Value value) {
			return Mono.just(ToolResults.success(value.value()));
		}
		if (result instanceof McpToolResult.Failure failure) {
			return Mono.just(ToolResults.error(failure.error()));
		}
		if (result instanceof McpToolResult.Refused refused) {
			return Mono.error(new McpException(refused.code(), refused.message()));
		}
		String taskId = ((McpToolResult.Task) result).taskId();
		return asTask ? created(source, taskId, call) : awaited(source, taskId, call);
	}

	private Mono<JsonNode> created(McpToolSource source, String taskId, McpCall call) {
		return job(source, taskId, call).map((job) -> {
			ObjectNode result = Rpc.object();
			result.set("task", task(taskId, job));
			return result;
		});
	}

	/**
	 * A plain call that became a task: waits for its end up to the queued-call wait, as
	 * for a local job.
	 */
	private Mono<JsonNode> awaited(McpToolSource source, String taskId, McpCall call) {
		JsonNode token = call.progressToken();
		Mono<JsonNode> finished = finished(source, taskId, call, token)
			.map((job) -> (JsonNode) TaskJson.toolResult(job));
		Mono<Void> cancelled = call.cancelled()
			.doOnTerminate(() -> source.cancelTask(taskId, call.request()).subscribe((job) -> {
			}, (ex) -> {
			}));
		return finished.timeout(this.settings.queuedCallWait(), Mono.fromSupplier(() -> stillRunning(taskId)))
			.takeUntilOther(cancelled);
	}

	private Mono<JsonNode> finished(McpToolSource source, String taskId, McpCall call, @Nullable JsonNode token) {
		// one poll at a time, the next POLL_EVERY after the previous answer (a slow
		// source never piles up polls)
		return Mono.defer(() -> job(source, taskId, call))
			.doOnNext((job) -> progress(call, token, job))
			.filter(TaskJson::isTerminal)
			.repeatWhenEmpty((polls) -> polls.delayElements(POLL_EVERY));
	}

	private static void progress(McpCall call, @Nullable JsonNode token, JsonNode job) {
		if (token == null || TaskJson.isTerminal(job)) {
			return;
		}
		ObjectNode params = Rpc.object();
		params.set("progressToken", token);
		params.put("progress", job.path("progress").asInt()).put("total", 100);
		String description = job.path("description").asString("");
		if (!description.isEmpty()) {
			params.put("message", description);
		}
		call.notifier().accept(Rpc.notification("notifications/progress", params));
	}

	private static JsonNode stillRunning(String taskId) {
		ObjectNode result = ToolResults.text(
				"The task " + taskId + " is still running. Poll it with tasks/get {\"taskId\": \"" + taskId + "\"}.",
				false);
		result.putObject("structuredContent").put("task_id", taskId).put("status", "working");
		return result;
	}

	/**
	 * Whether a {@code tasks/get}, {@code tasks/result} or {@code tasks/cancel} names a
	 * source's task.
	 */
	boolean handlesTask(McpCall call) {
		String taskId = Rpc.text(call.params(), "taskId");
		return taskId != null && taskSource(taskId) != null;
	}

	private @Nullable McpToolSource taskSource(String taskId) {
		return this.sources.stream().filter((s) -> s.hasTask(taskId)).findFirst().orElse(null);
	}

	Mono<JsonNode> task(McpCall call) {
		String taskId = Rpc.requireText(call.params(), "taskId");
		McpToolSource source = taskSource(taskId);
		if (source == null) {
			throw McpException.invalidParams("Task not found: " + taskId);
		}
		return switch (call.method()) {
			case "tasks/get" -> job(source, taskId, call).map((job) -> (JsonNode) task(taskId, job));
			case "tasks/result" -> finished(source, taskId, call, null).map((job) -> {
				ObjectNode result = TaskJson.toolResult(job);
				result.putObject("_meta").putObject(JobTasks.RELATED_TASK).put("taskId", taskId);
				return (JsonNode) result;
			}).takeUntilOther(call.cancelled());
			default -> cancel(source, taskId, call);
		};
	}

	private Mono<JsonNode> cancel(McpToolSource source, String taskId, McpCall call) {
		return job(source, taskId, call).flatMap((job) -> {
			if (TaskJson.isTerminal(job)) {
				return Mono.error(McpException
					.invalidParams("Task " + taskId + " has already finished (" + job.path("status").asString() + ")"));
			}
			return source.cancelTask(taskId, call.request())
				.switchIfEmpty(Mono.error(() -> McpException.invalidParams("Task not found: " + taskId)))
				.map((after) -> (JsonNode) task(taskId, after));
		});
	}

	private static Mono<JsonNode> job(McpToolSource source, String taskId, McpCall call) {
		return source.task(taskId, call.request())
			.switchIfEmpty(Mono.error(() -> McpException.invalidParams("Task not found: " + taskId)));
	}

	/** A job object in MCP's task shape, under the source's task id. */
	private ObjectNode task(String taskId, JsonNode job) {
		ObjectNode task = Rpc.object().put("taskId", taskId).put("status", status(job.path("status").asString("")));
		String description = job.path("description").asString("");
		if (!description.isEmpty()) {
			task.put("statusMessage", description);
		}
		String created = job.path("created_at").asString("");
		String updated = first(job, "finished_at", "started_at", "created_at");
		if (!created.isEmpty()) {
			task.put("createdAt", created);
		}
		if (!updated.isEmpty()) {
			task.put("lastUpdatedAt", updated);
		}
		return task.put("ttl", this.settings.taskTtl().toMillis()).put("pollInterval", TaskJson.POLL_INTERVAL);
	}

	private static String first(JsonNode job, String... fields) {
		for (String field : fields) {
			String value = job.path(field).asString("");
			if (!value.isEmpty()) {
				return value;
			}
		}
		return "";
	}

	/** MCP's task status of a job status. */
	static String status(String jobStatus) {
		return switch (jobStatus) {
			case "completed" -> "completed";
			case "failed" -> "failed";
			case "stopped", "deleted" -> "cancelled";
			default -> "working";
		};
	}

	@Override
	public void close() {
		this.changes.dispose();
	}

}
