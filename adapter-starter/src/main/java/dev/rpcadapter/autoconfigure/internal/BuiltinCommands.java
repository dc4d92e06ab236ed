package dev.rpcadapter.autoconfigure.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.discovery.ApiInfo;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.web.AdapterHealth;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The built-in commands {@code echo}, {@code help} and {@code health}. */
public final class BuiltinCommands {

	private static final JsonNodeFactory json = JsonNodeFactory.instance;

	private BuiltinCommands() {
	}

	public static List<Command> all(CommandRegistry registry, CommandAuthorizer authorizer, AdapterHealth health,
			ApiInfo info) {
		return List.of(echo(), help(registry, authorizer, info), health(health));
	}

	static Command echo() {
		ObjectNode schema = json.objectNode().put("type", "object");
		schema.putObject("properties")
			.putObject("message")
			.put("type", "string")
			.put("description", "Text to echo back")
			.put("default", "Hello");
		schema.put("additionalProperties", true);
		CommandDescriptor descriptor = CommandDescriptor.builder("echo")
			.description("Echo the params back (message defaults to \"Hello\"; by position: [message])")
			.paramsSchema(schema)
			.resultSchema(json.objectNode().put("type", "object"))
			.source("built-in")
			.build();
		return new Command(descriptor, (params) -> {
			JsonNode result = echoed(params);
			return (caller, job) -> Mono.just(result);
		});
	}

	/**
	 * Named params come back as given (message added if absent); by position,
	 * {@code ["hi"]} is {@code {"message": "hi"}}.
	 */
	private static JsonNode echoed(@Nullable JsonNode params) {
		if (params != null && params.isArray()) {
			if (params.size() > 1) {
				throw invalid("[1]", "echo takes one positional parameter: message");
			}
			return json.objectNode().set("message", params.isEmpty() ? json.stringNode("Hello") : params.get(0));
		}
		if (params != null && params.has("message")) {
			return params;
		}
		ObjectNode result = (params == null) ? json.objectNode() : ((ObjectNode) params).deepCopy();
		return result.put("message", "Hello");
	}

	static Command help(CommandRegistry registry, CommandAuthorizer authorizer, ApiInfo info) {
		ObjectNode schema = json.objectNode().put("type", "object");
		schema.putObject("properties")
			.putObject("cmdname")
			.put("type", "string")
			.put("description", "A command to describe in full; omit for the list");
		schema.put("additionalProperties", false);
		CommandDescriptor descriptor = CommandDescriptor.builder("help")
			.description("List the commands you may call, or describe one (cmdname)")
			.paramsSchema(schema)
			.acceptsExtraParams(false)
			.source("built-in")
			.build();
		return new Command(descriptor, (params) -> {
			String name = cmdname(params);
			return (caller, job) -> Mono.fromSupplier(() -> (name == null) ? list(registry, authorizer, caller, info)
					: describe(registry, authorizer, caller, name));
		});
	}

	private static @Nullable String cmdname(@Nullable JsonNode params) {
		if (params == null || params.isEmpty()) {
			return null;
		}
		JsonNode value = params.isArray() ? params.get(0) : params.get("cmdname");
		if (params.isObject() && params.size() > (value == null ? 0 : 1)) {
			throw invalid(params.propertyNames().iterator().next(), "unknown parameter");
		}
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw invalid("cmdname", "must be a string");
		}
		return value.asString();
	}

	/**
	 * The list, with the seed adapter's {@code tool_info}, {@code help_usage} and
	 * per-command fields.
	 */
	private static Object list(CommandRegistry registry, CommandAuthorizer authorizer, Caller caller, ApiInfo info) {
		Map<String, Object> commands = new TreeMap<>();
		for (Command command : registry.all()) {
			if (authorizer.isAllowed(caller, command.name())) {
				commands.put(command.name(), entry(command.descriptor()));
			}
		}
		Map<String, Object> list = new LinkedHashMap<>();
		list.put("tool_info",
				Map.of("name", info.title(), "description", info.description(), "version", info.version()));
		list.put("help_usage", HELP_USAGE);
		list.put("commands", commands);
		list.put("total", commands.size());
		return list;
	}

	private static final Map<String, Object> HELP_USAGE = Map.of("description",
			"Call help without params for this list, or with {\"cmdname\": \"<name>\"} for one command in full",
			"examples",
			List.of(Map.of("method", "help"), Map.of("method", "help", "params", Map.of("cmdname", "echo"))));

	private static Map<String, Object> entry(CommandDescriptor d) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("name", d.name());
		entry.put("description", d.description());
		entry.put("type", "built-in".equals(d.source()) ? "builtin" : "custom");
		entry.put("schema", d.paramsSchema());
		entry.put("params_count", d.params().size());
		entry.put("queued", d.queued());
		entry.put("params", d.params().stream().map(CommandDescriptor.ParamInfo::name).toList());
		return entry;
	}

	private static Object describe(CommandRegistry registry, CommandAuthorizer authorizer, Caller caller, String name) {
		Command command = registry.find(name)
			.filter((c) -> authorizer.isAllowed(caller, c.name()))
			.orElseThrow(() -> invalid("cmdname", "no command named '" + name + "' that you may call"));
		CommandDescriptor d = command.descriptor();
		return Map.of("name", d.name(), "description", d.description(), "queued", d.queued(), "schema",
				d.paramsSchema(), "result_schema", d.resultSchema());
	}

	static Command health(AdapterHealth health) {
		CommandDescriptor descriptor = CommandDescriptor.builder("health")
			.description("Server health: status, version, uptime and components")
			.paramsSchema(json.objectNode().put("type", "object").put("additionalProperties", false))
			.acceptsExtraParams(false)
			.source("built-in")
			.build();
		return new Command(descriptor, (params) -> {
			if (params != null && !params.isEmpty()) {
				throw invalid("params", "health takes no params");
			}
			return (caller, job) -> health.current().map(Object.class::cast);
		});
	}

	private static JsonRpcException invalid(String param, String message) {
		return new JsonRpcException(JsonRpcError.invalidParams(List.of(new JsonRpcError.ParamError(param, message))));
	}

}
