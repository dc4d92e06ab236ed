package dev.rpcadapter.autoconfigure.queue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.rpcadapter.test.WebSocketFrames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/async} with {@code deliver_id} on a running server: answered at once,
 * the response delivered over {@code /ws} to a waiting subscriber and, from retention, to
 * a late one; errors delivered too; ids single-use; limits; expiry.
 */
class AsyncIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static QueueServer server;

	@BeforeAll
	static void start() {
		server = QueueServer
			.start(Map.of("adapter.async.retention", "3s", "adapter.async.max-pending-per-caller", "2"));
	}

	@AfterAll
	static void stop() {
		server.commands().openGate();
		server.close();
	}

	static HttpResponse<String> postAsync(QueueServer target, String body, String... headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(target.uri("/api/async"))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (headers.length > 0) {
				request.headers(headers);
			}
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String call(String method, String params) {
		return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}";
	}

	@Test
	void theResponseReachesASubscriberThatWaits() {
		server.commands().closeGate();
		HttpResponse<String> accepted = postAsync(server, call("s_gate", "{}"), "X-Deliver-Id", "wait-1");

		assertThat(accepted.statusCode()).isEqualTo(202);
		JsonNode answer = QueueServer.JSON.readTree(accepted.body());
		assertThat(answer.path("deliver_id").asString()).isEqualTo("wait-1");
		assertThat(answer.path("status").asString()).isEqualTo("accepted");
		try (WebSocketFrames ws = WebSocketFrames.open(server.uri("/ws"))) {
			ws.send(Map.of("action", "subscribe", "deliver_id", "wait-1"));
			assertThat(ws.next().path("event").asString()).isEqualTo("subscribed");
			server.commands().openGate();
			JsonNode delivery = ws.nextEvent("delivery");
			assertThat(delivery.path("deliver_id").asString()).isEqualTo("wait-1");
			assertThat(delivery.path("response").path("id").asInt()).isEqualTo(7);
			assertThat(delivery.path("response").path("result").asString()).isEqualTo("passed");
		}
	}

	@Test
	void aLateSubscriberGetsTheResponseFromRetention() {
		String id = QueueServer.JSON.readTree(postAsync(server, call("echo", "{\"message\":\"later\"}")).body())
			.path("deliver_id")
			.asString();
		try (WebSocketFrames first = WebSocketFrames.open(server.uri("/ws"))) {
			first.send(Map.of("action", "subscribe", "deliver_id", id));
			assertThat(first.nextEvent("delivery").path("response").path("result").toString()).contains("later");
		}
		try (WebSocketFrames late = WebSocketFrames.open(server.uri("/ws"))) {
			late.send(Map.of("action", "subscribe", "deliver_id", id));
			assertThat(late.next().path("event").asString()).isEqualTo("subscribed");
			assertThat(late.next().path("response").path("result").toString()).contains("later");
		}
	}

	@Test
	void errorResponsesAndBatchesAreDeliveredToo() {
		String batch = "[" + call("no_such_command", "{}") + "," + call("echo", "{\"message\":\"b\"}").replace("7", "8")
				+ "]";
		postAsync(server, batch, "X-Deliver-Id", "batch-1");
		try (WebSocketFrames ws = WebSocketFrames.open(server.uri("/ws"))) {
			ws.send(Map.of("action", "subscribe", "deliver_id", "batch-1"));
			JsonNode response = ws.nextEvent("delivery").path("response");
			assertThat(response.isArray()).isTrue();
			assertThat(response.get(0).path("error").path("code").asInt()).isEqualTo(-32601);
			assertThat(response.get(1).path("result").toString()).contains("b");
		}
	}

	@Test
	void idsAreSingleUseAndUnknownIdsAreErrors() {
		assertThat(postAsync(server, call("echo", "{\"message\":\"x\"}"), "X-Deliver-Id", "once").statusCode())
			.isEqualTo(202);
		HttpResponse<String> again = postAsync(server, call("echo", "{\"message\":\"x\"}"), "X-Deliver-Id", "once");
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("-32602").contains("already in use");
		assertThat(postAsync(server, call("echo", "{}"), "X-Deliver-Id", "bad id!").statusCode()).isEqualTo(400);
		try (WebSocketFrames ws = WebSocketFrames.open(server.uri("/ws"))) {
			ws.send(Map.of("action", "subscribe", "deliver_id", "never-made"));
			JsonNode error = ws.next();
			assertThat(error.path("event").asString()).isEqualTo("error");
			assertThat(error.path("deliver_id").asString()).isEqualTo("never-made");
			assertThat(error.path("error").path("code").asInt()).isEqualTo(-32602);
		}
	}

	@Test
	void malformedBodiesAreAnsweredAtOnceAndNothingIsKept() {
		HttpResponse<String> reply = postAsync(server, "{\"jsonrpc\":", "X-Deliver-Id", "broken");

		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.body()).contains("-32700");
		assertThat(postAsync(server, call("echo", "{}"), "X-Deliver-Id", "broken").statusCode()).isEqualTo(202);
	}

	@Test
	void aCallerCannotHoldMoreThanItsPendingLimit() {
		server.commands().closeGate();
		try {
			assertThat(postAsync(server, call("s_gate", "{}")).statusCode()).isEqualTo(202);
			assertThat(postAsync(server, call("s_gate", "{}")).statusCode()).isEqualTo(202);
			HttpResponse<String> refused = postAsync(server, call("echo", "{}"));
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.body()).contains("-32006").contains("adapter.async.max-pending-per-caller");
		}
		finally {
			server.commands().openGate();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> postAsync(server, call("echo", "{}")).statusCode() == 202);
	}

	@Test
	void aDeliveryIsForgottenAfterItsRetention() {
		postAsync(server, call("echo", "{\"message\":\"soon gone\"}"), "X-Deliver-Id", "expiring");
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
			try (WebSocketFrames ws = WebSocketFrames.open(server.uri("/ws"))) {
				ws.send(Map.of("action", "subscribe", "deliver_id", "expiring"));
				return ws.next().path("event").asString().equals("error");
			}
		});
	}

}
