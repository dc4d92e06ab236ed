package dev.rpcadapter.autoconfigure.security;

import java.net.http.HttpClient;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
				"adapter.security.tokens.bob-key=user", "adapter.security.tokens.ops-key=ops",
				"adapter.security.roles.user=add", "adapter.security.roles.ops=*",
				"adapter.security.rate-limit.enabled=true", "adapter.security.rate-limit.requests-per-second=2",
				"adapter.security.rate-limit.burst=3", "adapter.security.rate-limit.exempt-roles=ops");
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
		await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(200))
			.until(() -> add("alice-key").status() == 200);
	}

	@Test
	void exemptRolesAndPathsAreNotLimited() throws Exception {
		// alternating POST and GET on one keep-alive connection also guards the GET routes' inbound handling
		for (int i = 0; i < 12; i++) {
			assertThat(add("ops-key").status()).isEqualTo(200);
			assertThat(server.get(this.client, "/health").status()).isEqualTo(200);
		}
	}

	private TestServer.Reply add(String token) throws Exception {
		return server.post(this.client, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":1}"), "X-API-Key", token);
	}
}
