package dev.rpcadapter.mcpeverything;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.command.McpExchange;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The conformance suite's tools that talk to the MCP client during their call: log
 * messages, sampling and elicitation, all through the injected {@link McpExchange}.
 */
@Component
public class ClientTools {

	@JsonRpcCommand(name = "test_tool_with_logging", description = "Sends three log messages while it runs")
	public String logging(McpExchange client) throws InterruptedException {
		client.log("info", "Tool execution started");
		TimeUnit.MILLISECONDS.sleep(50);
		client.log("info", "Tool processing data");
		TimeUnit.MILLISECONDS.sleep(50);
		client.log("info", "Tool execution completed");
		return "Tool with logging executed successfully";
	}

	@JsonRpcCommand(name = "test_sampling", description = "Asks the client's model to answer a prompt")
	public String sampling(@CommandParam("prompt") String prompt, McpExchange client) {
		JsonNode answer = client.createMessage(Map.of("messages",
				List.of(Map.of("role", "user", "content", Map.of("type", "text", "text", prompt))), "maxTokens", 100))
			.blockOptional()
			.orElseThrow();
		return "LLM response: " + answer.path("content").path("text").asString("");
	}

	@JsonRpcCommand(name = "test_elicitation", description = "Asks the user for a name and an e-mail address")
	public String elicitation(@CommandParam("message") String message, McpExchange client) {
		JsonNode answer = client.elicit(Map.of("message", message, "requestedSchema",
				Map.of("type", "object", "properties",
						Map.of("username", Map.of("type", "string", "description", "User's response"), "email",
								Map.of("type", "string", "description", "User's email address")),
						"required", List.of("username", "email"))))
			.blockOptional()
			.orElseThrow();
		return "User response: action=" + answer.path("action").asString() + ", content=" + answer.path("content");
	}

	@JsonRpcCommand(name = "test_elicitation_sep1034_defaults",
			description = "Elicitation with a default for each primitive type")
	public String elicitationDefaults(McpExchange client) {
		Map<String, Object> properties = Map.of("name",
				Map.of("type", "string", "description", "User name", "default", "John Doe"), "age",
				Map.of("type", "integer", "description", "User age", "default", 30), "score",
				Map.of("type", "number", "description", "User score", "default", 95.5), "status",
				Map.of("type", "string", "description", "User status", "enum", List.of("active", "inactive", "pending"),
						"default", "active"),
				"verified", Map.of("type", "boolean", "description", "Verification status", "default", true));
		return completed(client
			.elicit(Map.of("message", "Test client default value handling - please accept with defaults",
					"requestedSchema", Map.of("type", "object", "properties", properties, "required", List.of())))
			.blockOptional()
			.orElseThrow());
	}

	@JsonRpcCommand(name = "test_elicitation_sep1330_enums", description = "Elicitation with the five enum variants")
	public String elicitationEnums(McpExchange client) {
		Map<String, Object> properties = Map.of("untitledSingle",
				Map.of("type", "string", "enum", List.of("option1", "option2", "option3")), "titledSingle",
				Map.of("type", "string", "oneOf",
						List.of(Map.of("const", "value1", "title", "First Option"),
								Map.of("const", "value2", "title", "Second Option"),
								Map.of("const", "value3", "title", "Third Option"))),
				"legacyEnum",
				Map.of("type", "string", "enum", List.of("opt1", "opt2", "opt3"), "enumNames",
						List.of("Option One", "Option Two", "Option Three")),
				"untitledMulti",
				Map.of("type", "array", "items",
						Map.of("type", "string", "enum", List.of("option1", "option2", "option3"))),
				"titledMulti",
				Map.of("type", "array", "items",
						Map.of("anyOf",
								List.of(Map.of("const", "value1", "title", "First Choice"),
										Map.of("const", "value2", "title", "Second Choice"),
										Map.of("const", "value3", "title", "Third Choice")))));
		return completed(client
			.elicit(Map.of("message", "Test enum schema variants", "requestedSchema",
					Map.of("type", "object", "properties", properties, "required", List.of())))
			.blockOptional()
			.orElseThrow());
	}

	private static String completed(JsonNode answer) {
		return "Elicitation completed: action=" + answer.path("action").asString() + ", content="
				+ answer.path("content");
	}

}
