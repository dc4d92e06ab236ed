package dev.rpcadapter.autoconfigure.security;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.rpcadapter.health.ComponentHealth;
import dev.rpcadapter.health.HealthComponent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees what of {@code /health}, and how often it is computed, against a real server.
 */
class HealthVisibilityIntegrationTests {

	private static final String[] SECURITY = { "adapter.security.enabled=true",
			"adapter.security.tokens.alice-key=user", "adapter.security.tokens.ops-key=ops",
			"adapter.security.roles.user=add", "adapter.security.roles.ops=*" };

	private final HttpClient client = TestServer.client(null);

	@Test
	void anonymousCallersSeeTheStatusOnlyAuthenticatedOnesEverything() throws Exception {
		try (TestServer server = TestServer.start(List.of(Probe.class), "http", with("adapter.http.health-cache=0s"))) {
			TestServer.Reply anonymous = server.get(this.client, "/health");
			TestServer.Reply badToken = server.get(this.client, "/health", "X-API-Key", "stale");
			TestServer.Reply alice = server.get(this.client, "/health", "X-API-Key", "alice-key");

			assertThat(anonymous.status()).isEqualTo(200);
			assertThat(anonymous.json().propertyNames()).containsExactly("status");
			assertThat(anonymous.json().path("status").asString()).isEqualTo("ok");
			assertThat(badToken.json().propertyNames()).containsExactly("status");
			assertThat(alice.json().path("version").isMissingNode()).isFalse();
			assertThat(alice.json().path("components").path("probe").path("secret_detail").asString())
				.isEqualTo("/etc/very/private");

			server.context().getBean(Probe.class).down = true;
			TestServer.Reply down = server.get(this.client, "/health");
			assertThat(down.status()).isEqualTo(503);
			assertThat(down.json().propertyNames()).containsExactly("status");
			assertThat(down.json().path("status").asString()).isEqualTo("down");
		}
	}

	@Test
	void concurrentCallsShareOneComputationOffTheEventLoop() throws Exception {
		try (TestServer server = TestServer.start(List.of(Probe.class), "http", with("adapter.http.health-cache=1h"))) {
			Probe probe = server.context().getBean(Probe.class);
			HttpRequest request = HttpRequest.newBuilder(server.uri("/health"))
				.header("X-API-Key", "ops-key")
				.timeout(Duration.ofSeconds(20))
				.build();
			List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 64)
				.mapToObj((i) -> this.client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
				.toList();

			for (CompletableFuture<HttpResponse<String>> call : calls) {
				HttpResponse<String> response = call.get();
				assertThat(response.statusCode()).isEqualTo(200);
				JsonNode body = TestServer.JSON.readTree(response.body());
				assertThat(body.path("components").path("probe").path("status").asString()).isEqualTo("ok");
			}
			assertThat(probe.checks).as("health computations for 64 calls within one cache period").hasValue(1);
			assertThat(probe.threads).as("never computed on an event loop")
				.hasSize(1)
				.noneMatch((name) -> name.startsWith("reactor-http"));
		}
	}

	private static String[] with(String property) {
		String[] all = java.util.Arrays.copyOf(SECURITY, SECURITY.length + 1);
		all[SECURITY.length] = property;
		return all;
	}

	/**
	 * A component bean that counts its checks, as a store wrapper would count queries.
	 */
	static class Probe implements HealthComponent {

		final AtomicInteger checks = new AtomicInteger();

		final Set<String> threads = ConcurrentHashMap.newKeySet();

		volatile boolean down;

		@Override
		public String name() {
			return "probe";
		}

		@Override
		public ComponentHealth check() {
			this.checks.incrementAndGet();
			this.threads.add(Thread.currentThread().getName());
			Map<String, Object> details = Map.of("secret_detail", "/etc/very/private");
			return this.down ? ComponentHealth.down(details) : ComponentHealth.ok(details);
		}

	}

}
