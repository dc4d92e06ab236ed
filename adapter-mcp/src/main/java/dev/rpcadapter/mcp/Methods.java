package dev.rpcadapter.mcp;

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

	private final StaticResources statics;

	private final Prompts prompts;

	private final ToolSources sources;

	Methods(ToolCatalog catalog, ToolCalls tools, @Nullable JobTasks tasks, @Nullable JobResources resources,
			McpSettings settings, StaticResources statics, Prompts prompts, ToolSources sources) {
		this.catalog = catalog;
		this.tools = tools;
		this.tasks = tasks;
		this.resources = resources;
		this.settings = settings;
		this.statics = statics;
		this.prompts = prompts;
		this.sources = sources;
	}

	Mono<JsonNode> handle(McpCall call) {
		return switch (call.method()) {
			case "ping" -> Mono.just(Rpc.object());
			case "tools/list" -> this.sources.isEmpty() ? Mono
				.just(this.catalog.list(call.caller(), Rpc.text(call.params(), "cursor"), this.settings.pageSize()))
					: this.sources.list(call);
			case "tools/call" -> this.sources.handlesCall(call) ? this.sources.call(call) : this.tools.call(call);
			case "logging/setLevel" -> Mono.just(setLevel(call));
			case "completion/complete" -> complete(call);
			case "resources/list" -> resourcesList(call);
			case "resources/templates/list" -> Mono.just(templates());
			case "resources/read" -> read(call);
			case "resources/subscribe" -> subscribe(call);
			case "resources/unsubscribe" -> unsubscribe(call);
			case "prompts/list" -> Mono.just(this.prompts.list());
			case "prompts/get" -> Mono.just(this.prompts.get(call.params()));
			case "tasks/get", "tasks/result", "tasks/cancel" ->
				this.sources.handlesTask(call) ? this.sources.task(call) : localTask(call);
			case "tasks/list" -> tasks(call).list(call);
			default -> throw new McpException(McpException.METHOD_NOT_FOUND, "Method not found: " + call.method());
		};
	}

	private Mono<JsonNode> localTask(McpCall call) {
		return switch (call.method()) {
			case "tasks/get" -> tasks(call).get(call);
			case "tasks/result" -> tasks(call).result(call);
			default -> tasks(call).cancel(call);
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
			throw McpException.invalidParams(
					"params.level must be one of debug, info, notice, warning, error, " + "critical, alert, emergency");
		}
		if (call.session() != null) {
			call.session().logLevel(level);
		}
		return Rpc.object();
	}

	private Mono<JsonNode> resourcesList(McpCall call) {
		Mono<JsonNode> jobs = (this.resources != null) ? this.resources.list(call) : Mono.just(empty("resources"));
		boolean firstPage = !call.params().hasNonNull("cursor");
		return jobs.map((page) -> {
			if (firstPage) {
				tools.jackson.databind.node.ArrayNode all = Rpc.NODES.arrayNode();
				this.statics.list(all);
				all.addAll((tools.jackson.databind.node.ArrayNode) page.get("resources"));
				((ObjectNode) page).set("resources", all);
			}
			return page;
		});
	}

	private JsonNode templates() {
		ObjectNode result = (this.resources != null) ? JobResources.templates() : empty("resourceTemplates");
		this.statics.templates((tools.jackson.databind.node.ArrayNode) result.get("resourceTemplates"));
		return result;
	}

	private Mono<JsonNode> read(McpCall call) {
		ObjectNode own = this.statics.read(Rpc.requireText(call.params(), "uri"));
		return (own != null) ? Mono.just(own) : resources(call).read(call);
	}

	private Mono<JsonNode> subscribe(McpCall call) {
		String uri = Rpc.requireText(call.params(), "uri");
		if (this.statics.exists(uri)) {
			// the application's own resources do not change by themselves: the
			// subscription is kept, nothing is sent
			session(call).subscribe(uri, reactor.core.Disposables.single());
			return Mono.just(Rpc.object());
		}
		return resources(call).subscribe(call, session(call));
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
		if ("ref/prompt".equals(ref.path("type").asString())) {
			java.util.List<String> values = this.prompts.complete(ref.path("name").asString(""),
					argument.path("name").asString(""), prefix);
			if (values != null) {
				return Mono.just(Completions.of(values));
			}
		}
		return Mono.just(Completions.of(java.util.List.of()));
	}

	private Mono<JsonNode> unsubscribe(McpCall call) {
		session(call).unsubscribe(Rpc.requireText(call.params(), "uri"));
		return Mono.just(Rpc.object());
	}

	private JobTasks tasks(McpCall call) {
		if (this.tasks == null) {
			throw new McpException(McpException.METHOD_NOT_FOUND,
					"Method not found: " + call.method() + " (the queue is disabled)");
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
			throw new McpException(McpException.METHOD_NOT_FOUND,
					call.method() + " needs a session (the server is stateless)");
		}
		return call.session();
	}

}
