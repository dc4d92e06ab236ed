package dev.rpcadapter.autoconfigure.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The built-in commands {@code echo}, {@code help} and {@code health}. */
public final class BuiltinCommands {

	private static final JsonNodeFactory json = JsonNodeFactory.instance;

	private BuiltinCommands() {
	}

	public static List<Command> all(CommandRegistry registry, CommandAuthorizer authorizer, AdapterHealth health) {
		return List.of(echo(), help(registry, authorizer), health(health));
	}

	static Command echo() {
		ObjectNode schema = json.objectNode().put("type", "object");
		schema.putObject("properties").putObject("message").put("type", "string")
			.put("description", "Text to echo back").put("default", "Hello");
		schema.put("additionalProperties", true);
		CommandDescriptor descriptor = CommandDescriptor.builder("echo")
			.description("Echo the params back (message defaults to \"Hello\")")
			.paramsSchema(schema)
			.resultSchema(json.objectNode().put("type", "object"))
			.params(List.of(new CommandDescriptor.ParamInfo("message", "Text to echo back", false,
					(ObjectNode) schema.get("properties").get("message"))))
			.source("built-in")
			.build();
		return new Command(descriptor, (params) -> {
			if (params != null && !params.isObject()) {
				throw invalid("params", "echo takes named params, e.g. {\"message\": \"hi\"}");
			}
			JsonNode result = (params != null && params.has("message")) ? params
					: withDefaultMessage(params);
			return (caller, job) -> Mono.just(result);
		});
	}

	private static JsonNode withDefaultMessage(JsonNode params) {
		ObjectNode result = (params == null) ? json.objectNode() : ((ObjectNode) params).deepCopy();
		return result.put("message", "Hello");
	}

	static Command help(CommandRegistry registry, CommandAuthorizer authorizer) {
		ObjectNode schema = json.objectNode().put("type", "object");
		schema.putObject("properties").putObject("cmdname").put("type", "string")
			.put("description", "A command to describe in full; omit for the list");
		schema.put("additionalProperties", false);
		CommandDescriptor descriptor = CommandDescriptor.builder("help")
			.description("List the commands you may call, or describe one (cmdname)")
			.paramsSchema(schema)
			.params(List.of(new CommandDescriptor.ParamInfo("cmdname", "A command to describe in full", false,
					(ObjectNode) schema.get("properties").get("cmdname"))))
			.acceptsExtraParams(false)
			.source("built-in")
			.build();
		return new Command(descriptor, (params) -> {
			String name = cmdname(params);
			return (caller, job) -> Mono.fromSupplier(() -> (name == null) ? list(registry, authorizer, caller)
					: describe(registry, authorizer, caller, name));
		});
	}

	private static String cmdname(JsonNode params) {
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

	private static Object list(CommandRegistry registry, CommandAuthorizer authorizer, Caller caller) {
		Map<String, Object> commands = new TreeMap<>();
		for (Command command : registry.all()) {
			if (authorizer.isAllowed(caller, command.name())) {
				CommandDescriptor d = command.descriptor();
				commands.put(d.name(), Map.of("description", d.description(), "queued", d.queued(),
						"params", d.params().stream().map(CommandDescriptor.ParamInfo::name).toList()));
			}
		}
		return Map.of("commands", commands, "total", commands.size());
	}

	private static Object describe(CommandRegistry registry, CommandAuthorizer authorizer, Caller caller, String name) {
		Command command = registry.find(name).filter((c) -> authorizer.isAllowed(caller, c.name()))
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
