package dev.rpcadapter.autoconfigure.mcp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.rpcadapter.test.McpTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code McpExchange} a command declares: log messages and requests to the client
 * ({@code sampling/createMessage}, {@code elicitation/create}) on the SSE stream of the
 * call, the client's answers POSTed back on the session; also
 * {@code notifications/tasks/status}.
 */
@Timeout(60) // a bound for streams read to their end, not a timed assertion
class McpExchangeIntegrationTests {

	private static final Map<String, Object> CAPABLE = Map.of("sampling", Map.of(), "elicitation", Map.of());

	private static McpTestServer server;

	@BeforeAll
	static void start() {
		server = McpTestServer.start(Map.of("adapter.mcp.client-request-timeout", "2s"));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private static McpTestClient client(Map<String, Object> capabilities) {
		McpTestClient client = server.client();
		client.initialize("2025-11-25", capabilities);
		return client;
	}

	/**
	 * POSTs a request and reads its SSE answer to the end; each request from the server
	 * is answered (by {@code answers}, on the same session) as it arrives. All messages,
	 * in order.
	 */
	private static List<JsonNode> exchange(McpTestClient client, ObjectNode request,
			Function<JsonNode, Object> answers) {
		HttpResponse<Stream<String>> response = client.postStreaming(request);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		List<JsonNode> messages = new ArrayList<>();
		try (Stream<String> lines = response.body()) {
			Iterator<String> it = lines.iterator();
			while (it.hasNext()) {
				String line = it.next();
				if (!line.startsWith("data: ") || line.length() == 6) {
					continue;
				}
				JsonNode message = McpTestClient.JSON.readTree(line.substring(6));
				messages.add(message);
				if (message.has("method") && message.has("id")) {
					Object answer = answers.apply(message);
					HttpResponse<String> posted = client.post(answer, "application/json, text/event-stream");
					assertThat(posted.statusCode()).isEqualTo(202);
				}
				if (!message.has("method") && message.path("id").equals(request.get("id"))) {
					break;
				}
			}
		}
		return messages;
	}

	private static Map<String, Object> result(JsonNode request, Object result) {
		return Map.of("jsonrpc", "2.0", "id", McpTestClient.JSON.treeToValue(request.get("id"), Object.class), "result",
				result);
	}

	private static String text(JsonNode response) {
		return response.path("result").path("content").get(0).path("text").asString();
	}

	@Test
	void logMessagesGoOutOnTheCallsStreamAtOrAboveTheSessionsLevel() {
		McpTestClient client = client(Map.of());
		assertThat(client.call("logging/setLevel", Map.of("level", "info")).has("result")).isTrue();
		List<JsonNode> messages = exchange(client, client.request("tools/call", Map.of("name", "chatty")), (r) -> {
			throw new AssertionError("no request expected: " + r);
		});
		List<JsonNode> logs = messages.stream()
			.filter((m) -> "notifications/message".equals(m.path("method").asString()))
			.toList();
		assertThat(logs).extracting((m) -> m.path("params").path("level").asString())
			.containsExactly("info", "warning");
		assertThat(logs.get(0).path("params").path("data").asString()).isEqualTo("working");
		assertThat(logs.get(1).path("params").path("logger").asString()).isEqualTo("chatty");
		assertThat(logs.get(1).path("params").path("data").path("disk").asString()).isEqualTo("almost full");
		assertThat(text(messages.get(messages.size() - 1))).isEqualTo("done");
	}

	@Test
	void aCallThatSendsNothingToTheClientIsAnsweredAsJson() {
		McpTestClient client = client(Map.of());
		HttpResponse<String> response = client.post(client.request("tools/call", Map.of("name", "connected")),
				"application/json, text/event-stream");
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		assertThat(text(McpTestClient.JSON.readTree(response.body()))).isEqualTo("true");
	}

	@Test
	void samplingGoesToTheClientAndItsAnswerCompletesTheCall() {
		McpTestClient client = client(CAPABLE);
		List<JsonNode> messages = exchange(client,
				client.request("tools/call", Map.of("name", "ask", "arguments", Map.of("prompt", "say hi"))),
				(request) -> {
					assertThat(request.path("method").asString()).isEqualTo("sampling/createMessage");
					assertThat(request.path("params").path("messages").get(0).path("content").path("text").asString())
						.isEqualTo("say hi");
					return result(request,
							Map.of("role", "assistant", "model", "m", "content", Map.of("type", "text", "text", "hi")));
				});
		assertThat(text(messages.get(messages.size() - 1))).isEqualTo("model said: hi");
	}

	@Test
	void aReactiveCommandAsksTheClientToo() {
		McpTestClient client = client(CAPABLE);
		List<JsonNode> messages = exchange(client,
				client.request("tools/call", Map.of("name", "ask_reactive", "arguments", Map.of("prompt", "p"))),
				(request) -> result(request, Map.of("role", "assistant", "model", "m", "content",
						Map.of("type", "text", "text", "reactive"))));
		assertThat(text(messages.get(messages.size() - 1))).isEqualTo("model said: reactive");
	}

	@Test
	void aQueuedCommandsJobElicitsWhileTheCallWaits() {
		McpTestClient client = client(CAPABLE);
		List<JsonNode> messages = exchange(client,
				client.request("tools/call", Map.of("name", "confirm", "arguments", Map.of("question", "Go?"))),
				(request) -> {
					assertThat(request.path("method").asString()).isEqualTo("elicitation/create");
					assertThat(request.path("params").path("message").asString()).isEqualTo("Go?");
					return result(request, Map.of("action", "accept", "content", Map.of("ok", true)));
				});
		assertThat(messages)
			.anySatisfy((m) -> assertThat(m.path("params").path("data").asString()).startsWith("asking from job "));
		assertThat(text(messages.get(messages.size() - 1))).isEqualTo("accept:true");
	}

	@Test
	void aClientErrorAnswerBecomesAToolError() {
		McpTestClient client = client(CAPABLE);
		List<JsonNode> messages = exchange(client,
				client.request("tools/call", Map.of("name", "ask", "arguments", Map.of("prompt", "p"))),
				(request) -> Map.of("jsonrpc", "2.0", "id", request.get("id").asString(), "error",
						Map.of("code", -1, "message", "User rejected sampling")));
		JsonNode last = messages.get(messages.size() - 1);
		assertThat(last.path("result").path("isError").asBoolean()).isTrue();
		assertThat(text(last)).contains("sampling/createMessage").contains("User rejected sampling");
	}

	@Test
	void withoutTheCapabilityTheToolFailsWithAClearError() {
		McpTestClient client = client(Map.of());
		JsonNode response = client.call("tools/call", Map.of("name", "ask", "arguments", Map.of("prompt", "p")));
		assertThat(response.path("result").path("isError").asBoolean()).isTrue();
		assertThat(text(response)).contains("does not support sampling");
	}

	@Test
	void aClientThatDoesNotAnswerTimesOut() {
		McpTestClient client = client(CAPABLE);
		List<JsonNode> messages = new ArrayList<>();
		HttpResponse<Stream<String>> response = client
			.postStreaming(client.request("tools/call", Map.of("name", "ask", "arguments", Map.of("prompt", "p"))));
		try (Stream<String> lines = response.body()) {
			lines.filter((line) -> line.startsWith("data: ") && line.length() > 6)
				.forEach((line) -> messages.add(McpTestClient.JSON.readTree(line.substring(6))));
		}
		assertThat(messages.get(0).path("method").asString()).isEqualTo("sampling/createMessage");
		JsonNode last = messages.get(messages.size() - 1);
		assertThat(last.path("result").path("isError").asBoolean()).isTrue();
		assertThat(text(last)).contains("did not answer sampling/createMessage within 2 s");
	}

	@Test
	void outsideMcpTheExchangeIsNotConnectedAndRequestsFail() {
		URI api = server.mcp.resolve("/api/jsonrpc");
		HttpResponse<String> connected = McpTestClient.send(
				HttpRequest.newBuilder(api)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"connected\"}")),
				HttpResponse.BodyHandlers.ofString());
		assertThat(McpTestClient.JSON.readTree(connected.body()).path("result").asBoolean()).isFalse();
		HttpResponse<String> ask = McpTestClient.send(
				HttpRequest.newBuilder(api)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ask\",\"params\":{\"prompt\":\"p\"}}")),
				HttpResponse.BodyHandlers.ofString());
		JsonNode error = McpTestClient.JSON.readTree(ask.body()).path("error");
		assertThat(error.path("code").asInt()).isEqualTo(-32000);
		assertThat(error.path("message").asString()).contains("No MCP client is connected");
	}

	@Test
	void aTasksStatusChangesAreSentToTheSessionThatCreatedIt() {
		McpTestClient client = client(Map.of());
		HttpResponse<Stream<String>> stream = client.getStream(null);
		assertThat(stream.statusCode()).isEqualTo(200);
		String taskId = client
			.call("tools/call",
					Map.of("name", "steps", "arguments", Map.of("steps", 2, "step_ms", 10), "task",
							Map.of("ttl", 60000)))
			.path("result")
			.path("task")
			.path("taskId")
			.asString();
		JsonNode status = null;
		try (Stream<String> lines = stream.body()) {
			Iterator<String> it = lines.iterator();
			while (it.hasNext() && status == null) {
				String line = it.next();
				if (line.startsWith("data: ") && line.contains("notifications/tasks/status")
						&& line.contains("\"completed\"")) {
					status = McpTestClient.JSON.readTree(line.substring(6));
				}
			}
		}
		assertThat(status).isNotNull();
		assertThat(status.path("params").path("taskId").asString()).isEqualTo(taskId);
		assertThat(status.path("params").path("status").asString()).isEqualTo("completed");
		assertThat(status.path("params").path("lastUpdatedAt").asString()).endsWith("Z");
	}

}
