package dev.rpcadapter.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The WebSocket session and WebSocket job waiting over a real socket
 * ({@link MiniWebSocketServer}).
 */
class DefaultWebSocketSessionTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String ENVELOPE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"job_id\":\"j1\",\"status\":\"pending\","
			+ "\"command\":\"chunk\",\"poll_with\":\"queue_get_job_status\"}}";

	@Test
	void callsOverWebSocketAreAnsweredByIdAndCredentialsGoOnTheUpgrade() throws Exception {
		try (MiniWebSocketServer server = new MiniWebSocketServer((body) -> "{}", DefaultWebSocketSessionTests::rpc);
				RpcClient client = RpcClient.builder(server.baseUrl()).bearerToken("t1").build();
				RpcWebSocketSession session = client.connectWebSocket()) {
			JsonNode echoed = session.call("echo", Map.of("text", "hi")).get(5, TimeUnit.SECONDS);
			assertThat(echoed.path("text").stringValue()).isEqualTo("hi");
			assertThat(session.call("nope", null)).failsWithin(Duration.ofSeconds(5))
				.withThrowableThat()
				.withCauseInstanceOf(MethodNotFoundException.class);
			assertThat(server.upgradeHeaders()).containsEntry("authorization", "Bearer t1");
		}
	}

	@Test
	void executeWithWebSocketStrategyReturnsResultOfCompletedEvent() throws Exception {
		List<RemoteJob> seen = new CopyOnWriteArrayList<>();
		ExecuteOptions options = ExecuteOptions.builder().webSocket().onStatus(seen::add).build();
		try (MiniWebSocketServer server = new MiniWebSocketServer((body) -> ENVELOPE,
				(frame) -> jobEvents(frame,
						"{\"event\":\"job_completed\",\"job_id\":\"j1\",\"status\":\"completed\","
								+ "\"progress\":100,\"description\":\"done\",\"result\":[\"a\"]}"));
				RpcClient client = RpcClient.builder(server.baseUrl()).apiKey("k1").build()) {
			JsonNode result = client.execute("chunk", Map.of("text", "a"), options);
			assertThat(result.get(0).stringValue()).isEqualTo("a");
			assertThat(server.upgradeHeaders()).containsEntry("x-api-key", "k1");
		}
		assertThat(seen).extracting(RemoteJob::state).containsExactly(RemoteJobState.RUNNING, RemoteJobState.COMPLETED);
	}

	@Test
	void executeWithWebSocketStrategyThrowsJobFailedOnFailedEvent() throws Exception {
		try (MiniWebSocketServer server = new MiniWebSocketServer((body) -> ENVELOPE,
				(frame) -> jobEvents(frame,
						"{\"event\":\"job_failed\",\"job_id\":\"j1\",\"status\":\"failed\","
								+ "\"error\":{\"code\":-32000,\"message\":\"boom\"}}"));
				RpcClient client = RpcClient.builder(server.baseUrl()).build()) {
			assertThatExceptionOfType(JobFailedException.class)
				.isThrownBy(() -> client.execute("chunk", null, ExecuteOptions.builder().webSocket().build()))
				.satisfies((ex) -> assertThat(ex.error().message()).isEqualTo("boom"));
		}
	}

	private static List<String> rpc(String frame) {
		JsonNode request = MAPPER.readTree(frame);
		String id = request.path("id").toString();
		if (request.path("method").stringValue().equals("echo")) {
			return List.of("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + request.path("params") + "}");
		}
		return List
			.of("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}");
	}

	/**
	 * Answers a subscribe with the ack, a progress event and the given terminal event.
	 */
	private static List<String> jobEvents(String frame, String terminal) {
		if (!MAPPER.readTree(frame).path("action").asString("").equals("subscribe")) {
			return List.of();
		}
		return List.of("{\"event\":\"subscribed\",\"job_id\":\"j1\"}",
				"{\"event\":\"job_progress\",\"job_id\":\"j1\",\"status\":\"running\",\"progress\":50,\"description\":\"half\"}",
				terminal);
	}

}
