package dev.rpcadapter.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code prompts/list}, {@code prompts/get}, and completion of prompt arguments. */
final class Prompts {

	private final Map<String, McpPrompt> prompts = new LinkedHashMap<>();

	private final ObjectMapper mapper;

	Prompts(List<McpPrompt> prompts, ObjectMapper mapper) {
		prompts.forEach((p) -> this.prompts.put(p.name(), p));
		this.mapper = mapper;
	}

	boolean isEmpty() {
		return this.prompts.isEmpty();
	}

	ObjectNode list() {
		ObjectNode result = Rpc.object();
		ArrayNode array = result.putArray("prompts");
		for (McpPrompt p : this.prompts.values()) {
			ObjectNode prompt = array.addObject().put("name", p.name()).put("description", p.description());
			ArrayNode arguments = prompt.putArray("arguments");
			p.arguments()
				.forEach((a) -> arguments.addObject()
					.put("name", a.name())
					.put("description", a.description())
					.put("required", a.required()));
		}
		return result;
	}

	ObjectNode get(ObjectNode params) {
		McpPrompt prompt = find(Rpc.requireText(params, "name"));
		Map<String, String> values = new LinkedHashMap<>();
		params.path("arguments").properties().forEach((e) -> values.put(e.getKey(), e.getValue().asString("")));
		for (McpPrompt.Argument argument : prompt.arguments()) {
			if (argument.required() && !values.containsKey(argument.name())) {
				throw McpException.invalidParams("Missing required argument: " + argument.name());
			}
		}
		ObjectNode result = Rpc.object().put("description", prompt.description());
		ArrayNode messages = result.putArray("messages");
		for (McpPrompt.Message message : prompt.render().apply(values)) {
			ObjectNode m = messages.addObject().put("role", message.role());
			m.set("content", this.mapper.valueToTree(message.content()));
		}
		return result;
	}

	/** The values of a prompt argument that start with the typed prefix. */
	@Nullable List<String> complete(String promptName, String argument, String prefix) {
		McpPrompt prompt = this.prompts.get(promptName);
		if (prompt == null) {
			return null;
		}
		return prompt.arguments()
			.stream()
			.filter((a) -> a.name().equals(argument))
			.flatMap((a) -> a.values().stream())
			.filter((v) -> v.startsWith(prefix))
			.toList();
	}

	private McpPrompt find(String name) {
		McpPrompt prompt = this.prompts.get(name);
		if (prompt == null) {
			throw McpException.invalidParams("Unknown prompt: " + name);
		}
		return prompt;
	}

}
