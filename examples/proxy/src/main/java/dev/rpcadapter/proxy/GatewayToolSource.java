package dev.rpcadapter.proxy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.mcp.McpHttpRequest;
import dev.rpcadapter.mcp.McpTool;
import dev.rpcadapter.mcp.McpToolResult;
import dev.rpcadapter.mcp.McpToolSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP gateway: every command of every registered server is a tool
 * {@code <server_id>__<command>} on the proxy's own {@code /mcp}, its input schema taken
 * from the server's {@code /commands}. Calls go to the server's JSON-RPC endpoint with
 * the caller's credentials ({@code Authorization}, {@code X-API-Key}) forwarded as
 * received; under mTLS the proxy's own client certificate ({@code proxy.ssl-bundle}) is
 * presented, as for {@code call_server}. A caller sees and calls these tools when its
 * roles allow {@code call_server}; the server then authorizes the forwarded credentials
 * itself. A queued command's job is an MCP task {@code <server_id>__<job_id>}, polled
 * with the server's {@code queue_get_job_status}.
 */
@Component
class GatewayToolSource implements McpToolSource {

	private static final Logger logger = LoggerFactory.getLogger(GatewayToolSource.class);

	/**
	 * The permission (adapter.security.roles) that shows and calls gateway tools: the
	 * same as call_server's.
	 */
	static final String PERMISSION = "call_server";

	/** The request headers forwarded to servers: the caller's credentials. */
	static final List<String> FORWARDED_HEADERS = List.of("Authorization", "X-API-Key");

	/**
	 * MCP's tool name rule (2025-11-25): commands whose full name breaks it are not
	 * offered.
	 */
	private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

	private final ServerCatalog catalog;

	private final ServerClient client;

	private final CommandAuthorizer authorizer;

	private final ObjectMapper mapper;

	private final GatewayTasks tasks = new GatewayTasks(10_000);

	GatewayToolSource(ServerCatalog catalog, ServerClient client, CommandAuthorizer authorizer, ObjectMapper mapper) {
		this.catalog = catalog;
		this.client = client;
		this.authorizer = authorizer;
		this.mapper = mapper;
	}

	@Override
	public Mono<List<McpTool>> tools(McpHttpRequest request) {
		if (!allowed(request)) {
			return Mono.just(List.of());
		}
		Map<String, String> credentials = credentials(request);
		return Flux.fromIterable(this.catalog.all())
			.flatMap((server) -> this.client.commands(server, credentials)
				.map((commands) -> tools(server, commands))
				.onErrorResume((ex) -> Mono.just(List.of())), 8)
			.collectList()
			.map((lists) -> {
				List<McpTool> all = new ArrayList<>();
				lists.forEach(all::addAll);
				all.sort(Comparator.comparing(McpTool::name));
				return all;
			});
	}

	private List<McpTool> tools(RegisteredServer server, JsonNode commands) {
		List<McpTool> tools = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : commands.properties()) {
			String name = server.serverId() + GatewayTasks.SEPARATOR + entry.getKey();
			if (!TOOL_NAME.matcher(name).matches()) {
				logger.debug("Not offered as an MCP tool (name not allowed by MCP): {}", name);
				continue;
			}
			JsonNode command = entry.getValue();
			JsonNode schema = command.path("schema");
			ObjectNode input = schema.isObject() ? (ObjectNode) schema
					: this.mapper.createObjectNode().put("type", "object");
			String description = command.path("description").asString("");
			tools.add(new McpTool(name, null, "[" + server.serverId() + "] " + description, input, null,
					command.path("queued").asBoolean(false)));
		}
		return tools;
	}

	@Override
	public boolean hasTool(String name) {
		return target(name) != null;
	}

	@Override
	public Mono<McpToolResult> call(String name, ObjectNode arguments, boolean asTask, McpHttpRequest request) {
		Target target = target(name);
		if (target == null || !allowed(request)) {
			return Mono.just(McpToolResult.refused(ErrorCodes.INVALID_PARAMS, "Unknown tool: " + name));
		}
		Map<String, String> credentials = credentials(request);
		Mono<McpToolResult> call = this.client.call(target.server(), target.command(), arguments, credentials)
			.map((result) -> isJob(result) ? McpToolResult.task(this.tasks.add(target.server().serverId(),
					result.get("job_id").asString(), request.caller().principal())) : McpToolResult.value(result))
			.onErrorResume(CommandException.class, (ex) -> Mono.just(McpToolResult.failure(error(ex))))
			.onErrorResume(JsonRpcException.class,
					(ex) -> Mono.just((ex.error().code() == ErrorCodes.METHOD_NOT_FOUND)
							? McpToolResult.refused(ErrorCodes.INVALID_PARAMS, "Unknown tool: " + name)
							: McpToolResult.failure(ex.error())));
		if (!asTask) {
			return call;
		}
		// a task-augmented call runs only a queued command: ask the server first
		return this.client.commands(target.server(), credentials)
			.map((commands) -> commands.path(target.command()).path("queued").asBoolean(false))
			.onErrorReturn(false)
			.flatMap((queued) -> queued ? call : Mono.just(McpToolResult.refused(ErrorCodes.METHOD_NOT_FOUND,
					"Tool '" + name + "' does not support task execution")));
	}

	@Override
	public boolean hasTask(String taskId) {
		return this.tasks.contains(taskId);
	}

	@Override
	public Mono<JsonNode> task(String taskId, McpHttpRequest request) {
		return job(taskId, request, "queue_get_job_status");
	}

	@Override
	public Mono<JsonNode> cancelTask(String taskId, McpHttpRequest request) {
		return job(taskId, request, "queue_stop_job").then(job(taskId, request, "queue_get_job_status"));
	}

	/**
	 * The answer of a job method ({@code {job_id}}) of the task's server; empty when
	 * unknown.
	 */
	private Mono<JsonNode> job(String taskId, McpHttpRequest request, String method) {
		GatewayTasks.Entry task = this.tasks.find(taskId, request.caller().principal());
		RegisteredServer server = (task != null) ? this.catalog.find(task.serverId()).orElse(null) : null;
		if (task == null || server == null) {
			return Mono.empty();
		}
		ObjectNode params = this.mapper.createObjectNode().put("job_id", task.jobId());
		return this.client.call(server, method, params, credentials(request))
			.onErrorResume((ex) -> ex instanceof CommandException failed && failed.code() == ErrorCodes.JOB_NOT_FOUND,
					(ex) -> Mono.empty())
			.onErrorMap(CommandException.class, (ex) -> new JsonRpcException(error(ex)));
	}

	@Override
	public Flux<?> changes() {
		return this.catalog.changes();
	}

	private boolean allowed(McpHttpRequest request) {
		return this.authorizer.isAllowed(request.caller(), PERMISSION);
	}

	/**
	 * The server and command a tool name stands for; the longest registered server id
	 * wins.
	 */
	private @Nullable Target target(String name) {
		Target best = null;
		for (RegisteredServer server : this.catalog.all()) {
			String prefix = server.serverId() + GatewayTasks.SEPARATOR;
			if (name.startsWith(prefix) && name.length() > prefix.length()
					&& (best == null || server.serverId().length() > best.server().serverId().length())) {
				best = new Target(server, name.substring(prefix.length()));
			}
		}
		return best;
	}

	private static boolean isJob(JsonNode result) {
		return result.isObject() && result.path("job_id").isString() && result.has("poll_with");
	}

	private static Map<String, String> credentials(McpHttpRequest request) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : FORWARDED_HEADERS) {
			String value = request.header(name);
			if (value != null) {
				headers.put(name, value);
			}
		}
		return headers;
	}

	private JsonRpcError error(CommandException ex) {
		Object data = ex.data();
		return new JsonRpcError(ex.code(), String.valueOf(ex.getMessage()),
				(data == null) ? null : (data instanceof JsonNode node) ? node : this.mapper.valueToTree(data));
	}

	/**
	 * @param server the registered server
	 * @param command its command
	 */
	private record Target(RegisteredServer server, String command) {
	}

}
