package dev.rpcadapter.mcp.internal;

import dev.rpcadapter.mcp.McpSettings;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Routes a client request (after the lifecycle checks) to what answers it. */
final class Methods {

	private final ToolCatalog catalog;

	private final ToolCalls tools;

	private final @Nullable JobTasks tasks;

	private final @Nullable JobResources resources;

	private final McpSettings settings;

	Methods(ToolCatalog catalog, ToolCalls tools, @Nullable JobTasks tasks, @Nullable JobResources resources,
			McpSettings settings) {
		this.catalog = catalog;
		this.tools = tools;
		this.tasks = tasks;
		this.resources = resources;
		this.settings = settings;
	}

	Mono<JsonNode> handle(McpCall call) {
		return switch (call.method()) {
			case "ping" -> Mono.just(Rpc.object());
			case "tools/list" -> Mono.just(this.catalog.list(call.caller(), Rpc.text(call.params(), "cursor"),
					this.settings.pageSize()));
			case "tools/call" -> this.tools.call(call);
			case "logging/setLevel" -> Mono.just(setLevel(call));
			case "completion/complete" -> complete(call);
			case "resources/list" -> (this.resources != null) ? this.resources.list(call) : Mono.just(empty("resources"));
			case "resources/templates/list" -> Mono.just((this.resources != null) ? JobResources.templates()
					: empty("resourceTemplates"));
			case "resources/read" -> resources(call).read(call);
			case "resources/subscribe" -> resources(call).subscribe(call, session(call));
			case "resources/unsubscribe" -> unsubscribe(call);
			case "prompts/list" -> Mono.just(empty("prompts"));
			case "tasks/get" -> tasks(call).get(call);
			case "tasks/result" -> tasks(call).result(call);
			case "tasks/list" -> tasks(call).list(call);
			case "tasks/cancel" -> tasks(call).cancel(call);
			default -> throw new McpException(McpException.METHOD_NOT_FOUND, "Method not found: " + call.method());
		};
	}

	private static ObjectNode empty(String field) {
		ObjectNode result = Rpc.object();
		result.putArray(field);
		return result;
	}

	private JsonNode setLevel(McpCall call) {
		LogLevel level = LogLevel.fromWire(Rpc.text(call.params(), "level"));
		if (level == null) {
			throw McpException.invalidParams("params.level must be one of debug, info, notice, warning, error, "
					+ "critical, alert, emergency");
		}
		if (call.session() != null) {
			call.session().logLevel(level);
		}
		return Rpc.object();
	}

	private Mono<JsonNode> complete(McpCall call) {
		JsonNode ref = call.params().path("ref");
		JsonNode argument = call.params().path("argument");
		String prefix = argument.path("value").asString("");
		if (this.resources != null && "ref/resource".equals(ref.path("type").asString())
				&& (JobResources.SCHEME + "{job_id}").equals(ref.path("uri").asString())
				&& "job_id".equals(argument.path("name").asString())) {
			return this.resources.complete(call, prefix);
		}
		return Mono.just(Completions.of(java.util.List.of()));
	}

	private Mono<JsonNode> unsubscribe(McpCall call) {
		session(call).unsubscribe(Rpc.requireText(call.params(), "uri"));
		return Mono.just(Rpc.object());
	}

	private JobTasks tasks(McpCall call) {
		if (this.tasks == null) {
			throw new McpException(McpException.METHOD_NOT_FOUND, "Method not found: " + call.method()
					+ " (the queue is disabled)");
		}
		return this.tasks;
	}

	private JobResources resources(McpCall call) {
		if (this.resources == null) {
			throw new McpException(JobResources.RESOURCE_NOT_FOUND, "Resource not found (the queue is disabled)");
		}
		return this.resources;
	}

	private static Session session(McpCall call) {
		if (call.session() == null) {
			throw new McpException(McpException.METHOD_NOT_FOUND, call.method() + " needs a session (the server is stateless)");
		}
		return call.session();
	}
}
