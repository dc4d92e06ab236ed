package dev.rpcadapter.autoconfigure.security;

import java.net.http.HttpClient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/async} under security: authenticated and authorized like every call, and a
 * delivery belongs to its caller: another caller is told the id is unknown, a queue admin
 * may subscribe.
 */
class AsyncSecurityIntegrationTests {

	private static final String ALICE = "async-alice-key";

	private static final String BOB = "async-bob-key";

	private static final String OPS = "async-ops-key";

	private static TestServer server;

	private final HttpClient client = TestServer.client(null);

	@BeforeAll
	static void start() {
		server = TestServer.start("http", "adapter.security.enabled=true",
				"adapter.security.tokens[" + ALICE + "]=user", "adapter.security.tokens[" + BOB + "]=user",
				"adapter.security.tokens[" + OPS + "]=ops", "adapter.security.roles.user=add",
				"adapter.security.roles.ops=add,queue:admin");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void anotherCallerCannotSubscribeButAQueueAdminCan() throws Exception {
		assertThat(server
			.post(this.client, "/api/async", call("add", "{\"a\":2,\"b\":3}"), "X-API-Key", ALICE, "X-Deliver-Id",
					"alice-1")
			.status()).isEqualTo(202);

		try (TestSocket bob = TestSocket.open(server, HttpClient.newBuilder(), "X-API-Key", BOB)) {
			JsonNode refused = bob.call("{\"action\":\"subscribe\",\"deliver_id\":\"alice-1\"}");
			assertThat(refused.path("event").asString()).isEqualTo("error");
			assertThat(refused.path("error").path("code").asInt()).isEqualTo(-32602);
		}
		for (String key : new String[] { ALICE, OPS }) {
			try (TestSocket socket = TestSocket.open(server, HttpClient.newBuilder(), "X-API-Key", key)) {
				assertThat(
						socket.call("{\"action\":\"subscribe\",\"deliver_id\":\"alice-1\"}").path("event").asString())
					.isEqualTo("subscribed");
				assertThat(socket.next().path("response").path("result").asInt()).isEqualTo(5);
			}
		}
	}

	@Test
	void theCallIsAuthenticatedAndAuthorizedLikeEveryOther() throws Exception {
		assertThat(server.post(this.client, "/api/async", call("add", "{\"a\":1,\"b\":1}")).status()).isEqualTo(401);
		assertThat(server
			.post(this.client, "/api/async", call("secret", "{}"), "X-API-Key", BOB, "X-Deliver-Id", "bob-secret")
			.status()).isEqualTo(202);
		try (TestSocket bob = TestSocket.open(server, HttpClient.newBuilder(), "X-API-Key", BOB)) {
			bob.call("{\"action\":\"subscribe\",\"deliver_id\":\"bob-secret\"}");
			assertThat(bob.next().path("response").path("error").path("code").asInt()).isEqualTo(-32601);
		}
	}

}
