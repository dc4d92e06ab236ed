package dev.rpcadapter.autoconfigure.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.rpcadapter.autoconfigure.queue.TcpProxy;
import dev.rpcadapter.test.ServiceAddress;
import dev.rpcadapter.test.TestRedis;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rate limits in a real Redis ({@link TestRedis}): two server instances share one budget,
 * and an unreachable Redis is answered by the failure policy within the timeout and shown
 * on {@code /health}.
 */
class RedisRateLimitIntegrationTests {

	private static final ServiceAddress REDIS = TestRedis.get();

	private final HttpClient client = TestServer.client(null);

	@Test
	void twoNodesShareOneBudget() throws Exception {
		// 10 at once, then 10 an hour: nothing refills while the test runs, however slow
		// the machine
		String[] properties = properties(REDIS.host(), REDIS.port(),
				"adapter.security.rate-limit.requests-per-second=0.0028", "adapter.security.rate-limit.burst=10");
		try (TestServer a = TestServer.start("http", properties); TestServer b = TestServer.start("http", properties)) {
			for (TestServer node : List.of(a, b)) {
				await().atMost(Duration.ofSeconds(10))
					.until(() -> "ok".equals(rateLimitHealth(node).path("status").asString()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				statuses.add(add(a, "alice-key").status());
			}
			TestServer.Reply last = null;
			for (int i = 0; i < 6; i++) {
				last = add(b, "alice-key");
				statuses.add(last.status());
			}

			assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 429, 429);
			assertThat(last.errorCode()).isEqualTo(-32005);
			assertThat(last.header("Retry-After")).isNotNull();
			assertThat(add(a, "bob-key").status()).as("another principal, its own budget").isEqualTo(200);
			JsonNode component = a.get(this.client, "/health", "X-API-Key", "bob-key")
				.json()
				.path("components")
				.path("rate_limit");
			assertThat(component.path("status").asString()).isEqualTo("ok");
			assertThat(component.path("store").asString()).isEqualTo("redis");
		}
	}

	@Test
	void unreachableRedisAllowsRequestsDeniesFailedAuthenticationsAndDegradesHealth() throws Exception {
		TcpProxy redis = new TcpProxy(REDIS.host(), REDIS.port());
		try (TestServer server = TestServer.start("http",
				properties("127.0.0.1", redis.port(), "adapter.security.rate-limit.redis-timeout=300ms"))) {
			// the first connection is made in the background from startup on
			await().atMost(Duration.ofSeconds(10))
				.until(() -> "ok".equals(rateLimitHealth(server).path("status").asString()));
			assertThat(add(server, "alice-key").status()).isEqualTo(200);
			assertThat(guess(server).status()).as("a failure under the limit").isEqualTo(401);

			redis.close();

			assertThat(add(server, "alice-key").status()).as("redis-failure=allow").isEqualTo(200);
			TestServer.Reply guess = guess(server);
			assertThat(guess.status()).as("failed authentications fail closed").isEqualTo(429);
			assertThat(guess.errorCode()).isEqualTo(-32005);
			TestServer.Reply health = server.get(this.client, "/health", "X-API-Key", "bob-key");
			assertThat(health.status()).isEqualTo(200);
			JsonNode component = health.json().path("components").path("rate_limit");
			assertThat(component.path("status").asString()).isEqualTo("degraded");
			assertThat(component.path("reason").asString()).startsWith("Redis ");
			assertThat(component.path("requests").asString()).isEqualTo("not limited");
			assertThat(component.path("failed_authentications").asString()).isEqualTo("denied");
		}
		finally {
			redis.close();
		}
	}

	@Test
	void redisThatNeverWasReachableDeniesWhenToldToAndTakesTheServerDown() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (TestServer server = TestServer.start("http", properties("127.0.0.1", closedPort,
				"adapter.security.rate-limit.redis-failure=deny", "adapter.security.rate-limit.redis-timeout=300ms"))) {
			TestServer.Reply refused = add(server, "alice-key");
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.errorCode()).isEqualTo(-32005);
			TestServer.Reply health = server.get(this.client, "/health", "X-API-Key", "bob-key");
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.json().path("components").path("rate_limit").path("status").asString()).isEqualTo("down");
			TestServer.Reply anonymous = server.get(this.client, "/health");
			assertThat(anonymous.status()).isEqualTo(503);
			assertThat(anonymous.json().propertyNames()).containsExactly("status");
		}
	}

	private JsonNode rateLimitHealth(TestServer server) throws IOException, InterruptedException {
		return server.get(this.client, "/health", "X-API-Key", "bob-key").json().path("components").path("rate_limit");
	}

	private TestServer.Reply add(TestServer server, String token) throws IOException, InterruptedException {
		return server.post(this.client, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":2}"), "X-API-Key", token);
	}

	private TestServer.Reply guess(TestServer server) throws IOException, InterruptedException {
		return server.post(this.client, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":2}"), "X-API-Key", "wrong");
	}

	private static String[] properties(String redisHost, int redisPort, String... more) {
		List<String> all = new ArrayList<>(List.of("adapter.security.enabled=true",
				"adapter.security.tokens.alice-key=user", "adapter.security.tokens.bob-key=user",
				"adapter.security.roles.user=add", "adapter.security.rate-limit.enabled=true",
				"adapter.security.rate-limit.store=redis", "adapter.http.health-cache=0s",
				"adapter.security.rate-limit.redis-key-prefix=rpc-adapter-test:" + UUID.randomUUID() + ":",
				"spring.data.redis.host=" + redisHost, "spring.data.redis.port=" + redisPort,
				"spring.data.redis.connect-timeout=1s", "spring.data.redis.timeout=1s"));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

}
