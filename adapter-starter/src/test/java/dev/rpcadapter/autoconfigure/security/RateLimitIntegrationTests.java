package dev.rpcadapter.autoconfigure.security;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Token-bucket rate limits per principal with a small burst, against a real server. */
class RateLimitIntegrationTests {

	private static TestServer server;

	private final HttpClient client = TestServer.client(null);

	@BeforeAll
	static void start() {
		server = TestServer.start("http", "adapter.security.enabled=true", "adapter.security.tokens.alice-key=user",
				"adapter.security.tokens.bob-key=user", "adapter.security.tokens.carol-key=user",
				"adapter.security.tokens.ops-key=ops", "adapter.security.roles.user=add",
				"adapter.security.roles.ops=*", "adapter.security.rate-limit.enabled=true",
				"adapter.security.rate-limit.requests-per-second=2", "adapter.security.rate-limit.burst=3",
				"adapter.security.rate-limit.exempt-roles=ops");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void callerOverItsBurstGets429WithRetryAfterThenRecovers() throws Exception {
		TestServer.Reply limited = null;
		for (int i = 0; i < 10 && limited == null; i++) {
			TestServer.Reply reply = add("alice-key");
			if (reply.status() == 429) {
				limited = reply;
			}
		}

		assertThat(limited).as("a 429 within 10 quick calls").isNotNull();
		assertThat(limited.errorCode()).isEqualTo(-32005);
		assertThat(limited.json().get("id").isNull()).isTrue();
		assertThat(limited.header("Retry-After")).isEqualTo("1");
		assertThat(add("bob-key").status()).as("other principals have their own bucket").isEqualTo(200);
		await().atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> add("alice-key").status() == 200);
	}

	@Test
	void exemptRolesAndPathsAreNotLimited() throws Exception {
		// alternating POST and GET on one keep-alive connection also guards the GET
		// routes' inbound handling
		for (int i = 0; i < 12; i++) {
			assertThat(add("ops-key").status()).isEqualTo(200);
			assertThat(server.get(this.client, "/health").status()).isEqualTo(200);
		}
	}

	@Test
	void webSocketMessagesCountAgainstTheCallersLimit() throws Exception {
		TokenSecurityIntegrationTests.Frames frames = new TokenSecurityIntegrationTests.Frames();
		WebSocket socket = this.client.newWebSocketBuilder()
			.header("X-API-Key", "carol-key")
			.buildAsync(server.webSocketUri(), frames)
			.get(10, TimeUnit.SECONDS);
		try {
			JsonNode limited = null;
			for (int id = 1; id <= 10 && limited == null; id++) {
				socket.sendText(addCall(id), true).get(5, TimeUnit.SECONDS);
				JsonNode reply = frames.next();
				assertThat(reply.get("id").asInt()).as("each message answered in turn").isEqualTo(id);
				if (reply.has("error")) {
					limited = reply;
				}
			}

			assertThat(limited).as("a refusal within 10 quick messages").isNotNull();
			assertThat(limited.path("error").path("code").asInt()).isEqualTo(-32005);
			assertThat(limited.path("error").path("data").path("retry_after").asInt()).isEqualTo(1);
			socket
				.sendText("[" + addCall(100) + "," + addCall(101) + ",{\"jsonrpc\":\"2.0\",\"method\":\"add\"}]", true)
				.get(5, TimeUnit.SECONDS);
			JsonNode batch = frames.next();
			// a batch is one message: refused as a whole (one refusal per call that
			// expects an answer) or
			// admitted as a whole, if the bucket refilled meanwhile; the notification
			// gets no answer either way
			assertThat(batch.findValues("id")).extracting(JsonNode::asInt).containsExactlyInAnyOrder(100, 101);
			assertThat(batch).allSatisfy(
					(reply) -> assertThat(reply.has("result") || reply.path("error").path("code").asInt() == -32005)
						.isTrue());
			await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(300)).until(() -> {
				socket.sendText(addCall(7), true).get(5, TimeUnit.SECONDS);
				return frames.next().has("result");
			});
		}
		finally {
			socket.abort();
		}
	}

	private static String addCall(int id) {
		return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"add\",\"params\":{\"a\":1,\"b\":1}}";
	}

	private TestServer.Reply add(String token) throws Exception {
		return server.post(this.client, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":1}"), "X-API-Key", token);
	}

}
