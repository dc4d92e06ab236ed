package dev.rpcadapter.autoconfigure.mcp;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.rpcadapter.test.McpTestClient;
import dev.rpcadapter.test.SseEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** MCP Streamable HTTP on a real server: lifecycle, sessions, tools, errors. */
class McpIntegrationTests {

	private static McpTestServer server;

	@BeforeAll
	static void start() {
		server = McpTestServer.start(Map.of("adapter.mcp.allowed-origins", "http://allowed.example"));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void initializeNegotiatesTheRevisionAndOpensASession() {
		McpTestClient client = server.client();
		JsonNode latest = client.initialize("2025-11-25");
		assertThat(latest.path("protocolVersion").asString()).isEqualTo("2025-11-25");
		assertThat(client.sessionId()).isNotBlank();
		assertThat(latest.path("capabilities").path("tools").path("listChanged").asBoolean()).isTrue();
		assertThat(latest.path("capabilities").path("tasks").path("requests").path("tools").has("call")).isTrue();
		assertThat(latest.path("serverInfo").path("name").asString()).isNotBlank();
		JsonNode older = server.client().initialize("2025-06-18");
		assertThat(older.path("protocolVersion").asString()).isEqualTo("2025-06-18");
		assertThat(older.path("capabilities").has("tasks")).isFalse();
		assertThat(server.client().initialize("2024-11-05").path("protocolVersion").asString()).isEqualTo("2025-11-25");
	}

	@Test
	void toolsListCarriesSchemasTitlesAndHints() {
		McpTestClient client = server.client();
		client.initialize("2025-11-25");
		JsonNode tools = client.call("tools/list", Map.of()).path("result").path("tools");
		JsonNode echo = tool(tools, "echo");
		assertThat(echo.path("title").asString()).isEqualTo("Echo");
		assertThat(echo.path("description").asString()).isEqualTo("Echo a text");
		assertThat(echo.path("inputSchema").path("type").asString()).isEqualTo("object");
		assertThat(echo.path("inputSchema").path("properties").has("text")).isTrue();
		assertThat(echo.path("annotations").path("readOnlyHint").asBoolean()).isTrue();
		assertThat(echo.path("annotations").path("openWorldHint").asBoolean()).isFalse();
		assertThat(echo.has("outputSchema")).isFalse();
		JsonNode add = tool(tools, "add");
		assertThat(add.path("outputSchema").path("properties").has("sum")).isTrue();
		assertThat(add.has("annotations")).isFalse();
		JsonNode steps = tool(tools, "steps");
		assertThat(steps.path("execution").path("taskSupport").asString()).isEqualTo("optional");
		assertThat(tool(tools, "queue_get_job_status").isMissingNode()).isFalse();
	}

	@Test
	void toolsCallAnswersTextAndStructuredContent() {
		McpTestClient client = server.client();
		client.initialize("2025-11-25");
		JsonNode result = client.call("tools/call", Map.of("name", "add", "arguments", Map.of("a", 2, "b", 3)))
			.path("result");
		assertThat(result.path("structuredContent").path("sum").asInt()).isEqualTo(5);
		assertThat(result.path("content").get(0).path("type").asString()).isEqualTo("text");
		assertThat(
				McpTestClient.JSON.readTree(result.path("content").get(0).path("text").asString()).path("sum").asInt())
			.isEqualTo(5);
		assertThat(result.has("isError")).isFalse();
		JsonNode echo = client.call("tools/call", Map.of("name", "echo", "arguments", Map.of("text", "hi")))
			.path("result");
		assertThat(echo.path("content").get(0).path("text").asString()).isEqualTo("hi");
	}

	@Test
	void invalidArgumentsAndCommandFailuresAreToolErrors() {
		McpTestClient client = server.client();
		client.initialize("2025-11-25");
		JsonNode invalid = client.call("tools/call", Map.of("name", "add", "arguments", Map.of("a", 1, "b", -1)))
			.path("result");
		assertThat(invalid.path("isError").asBoolean()).isTrue();
		assertThat(invalid.path("content").get(0).path("text").asString()).contains("- b:").contains("-32602");
		JsonNode failed = client.call("tools/call", Map.of("name", "fail")).path("result");
		assertThat(failed.path("isError").asBoolean()).isTrue();
		assertThat(failed.path("content").get(0).path("text").asString()).contains("the disk is full");
	}

	@Test
	void unknownToolsAndMethodsAreProtocolErrors() {
		McpTestClient client = server.client();
		client.initialize("2025-11-25");
		JsonNode unknown = client.call("tools/call", Map.of("name", "nope")).path("error");
		assertThat(unknown.path("code").asInt()).isEqualTo(-32602);
		assertThat(unknown.path("message").asString()).contains("nope");
		assertThat(client.call("no/such", Map.of()).path("error").path("code").asInt()).isEqualTo(-32601);
		assertThat(
				client.call("tools/call", Map.of("name", "echo", "task", Map.of())).path("error").path("code").asInt())
			.isEqualTo(-32601);
		assertThat(client.call("ping", Map.of()).path("result").isObject()).isTrue();
	}

	@Test
	void sessionRulesProtocolVersionAndBatches() {
		McpTestClient client = server.client();
		client.initialize("2025-11-25");
		String session = client.sessionId();
		client.sessionId(null);
		assertThat(client.post(client.request("ping", Map.of()), "application/json").statusCode()).isEqualTo(400);
		client.sessionId("unknown");
		assertThat(client.post(client.request("ping", Map.of()), "application/json").statusCode()).isEqualTo(404);
		client.sessionId(session);
		client.header("MCP-Protocol-Version", "1999-01-01");
		assertThat(client.post(client.request("ping", Map.of()), "application/json").statusCode()).isEqualTo(400);
		client.header("MCP-Protocol-Version", "2025-06-18");
		HttpResponse<String> batch = client.post(List.of(client.request("ping", Map.of())), "application/json");
		assertThat(batch.statusCode()).isEqualTo(400);
		assertThat(batch.body()).contains("-32600");
		HttpResponse<String> notification = client.post(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"),
				"application/json");
		assertThat(notification.statusCode()).isEqualTo(202);
		assertThat(notification.body()).isEmpty();
	}

	@Test
	void deleteEndsTheSession() {
		McpTestClient client = server.client();
		client.initialize("2025-11-25");
		assertThat(client.delete().statusCode()).isEqualTo(200);
		assertThat(client.post(client.request("ping", Map.of()), "application/json").statusCode()).isEqualTo(404);
		assertThat(client.delete().statusCode()).isEqualTo(404);
	}

	@Test
	void foreignOriginsAreRefusedAndAllowedOnesPass() {
		McpTestClient foreign = server.client().header("Origin", "http://evil.example");
		HttpResponse<String> refused = foreign
			.post(foreign.request("initialize", Map.of("protocolVersion", "2025-11-25")), "application/json");
		assertThat(refused.statusCode()).isEqualTo(403);
		McpTestClient allowed = server.client().header("Origin", "http://allowed.example");
		assertThat(allowed.initialize("2025-11-25").path("protocolVersion").asString()).isEqualTo("2025-11-25");
	}

	@Test
	void nonJsonPostsAre415() {
		McpTestClient client = server.client();
		HttpResponse<String> response = McpTestClient.send(
				client.builder()
					.header("Content-Type", "text/plain")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(415);
	}

	@Test
	void loggingLevelAndCompletion() {
		McpTestClient client = server.client();
		client.initialize("2025-11-25");
		assertThat(client.call("logging/setLevel", Map.of("level", "warning")).path("result").isObject()).isTrue();
		assertThat(client.call("logging/setLevel", Map.of("level", "loud")).path("error").path("code").asInt())
			.isEqualTo(-32602);
		JsonNode created = client
			.call("tools/call",
					Map.of("name", "steps", "arguments", Map.of("steps", 1, "step_ms", 0), "task", Map.of()))
			.path("result")
			.path("task");
		String taskId = created.path("taskId").asString();
		JsonNode completion = client
			.call("completion/complete", Map.of("ref", Map.of("type", "ref/resource", "uri", "job://{job_id}"),
					"argument", Map.of("name", "job_id", "value", taskId.substring(0, 4))))
			.path("result");
		assertThat(completion.path("completion").path("values").toString()).contains(taskId);
	}

	@Test
	void aGetStreamHearsToolListChanges() throws Exception {
		McpTestClient client = server.client();
		client.initialize("2025-11-25");
		HttpResponse<Stream<String>> stream = client.getStream(null);
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		var registry = server.context.getBean(dev.rpcadapter.command.CommandRegistry.class);
		registry.register(new dev.rpcadapter.command.Command(
				dev.rpcadapter.command.CommandDescriptor.builder("added_later").build(),
				(params) -> (caller, job) -> reactor.core.publisher.Mono.just("x")));
		try (Stream<String> lines = stream.body()) {
			List<String[]> events = SseEvents.events(lines, 1);
			assertThat(events.get(events.size() - 1)[1]).contains("notifications/tools/list_changed");
		}
		finally {
			registry.unregister("added_later");
		}
	}

	static JsonNode tool(JsonNode tools, String name) {
		for (JsonNode tool : tools) {
			if (tool.path("name").asString().equals(name)) {
				return tool;
			}
		}
		return tools.path("missing");
	}

}
