package dev.rpcadapter.autoconfigure.registration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A real server on a random port registering with a real (fake) proxy over real HTTP. */
class RegistrationIntegrationTests {

	private static final String[] FAST = { "adapter.registration.heartbeat-interval=200ms",
			"adapter.registration.initial-backoff=50ms", "adapter.registration.max-backoff=400ms",
			"adapter.registration.request-timeout=500ms" };

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	@Test
	void registersOnceTheServerAcceptsConnectionsWithTheSeedBody() {
		FakeProxy proxy = proxy(FakeProxy.start());
		proxy.probeServer(true);
		ConfigurableApplicationContext server = server(proxy, "adapter.registration.server-id=doc-store",
				"adapter.registration.capabilities=jsonrpc,health,queue", "adapter.registration.metadata.team=search");
		String url = "http://127.0.0.1:" + RegistrationTestApplication.port(server);

		await().atMost(Duration.ofSeconds(5)).until(() -> !proxy.at("/register").isEmpty());

		FakeProxy.Received register = proxy.at("/register").get(0);
		assertThat(register.serverHealthStatus()).as("server answered /health while the proxy handled /register")
			.isEqualTo(200);
		JsonNode body = register.body();
		assertThat(body.propertyNames()).containsExactly("server_id", "server_url", "capabilities", "metadata", "uuid");
		assertThat(body.get("server_id").asString()).isEqualTo("doc-store");
		assertThat(body.get("server_url").asString()).isEqualTo(url);
		assertThat(body.get("capabilities").toString()).isEqualTo("[\"jsonrpc\",\"health\",\"queue\"]");
		assertThat(body.get("metadata").get("protocol").asString()).isEqualTo("http");
		assertThat(body.get("metadata").get("port").asInt()).isEqualTo(RegistrationTestApplication.port(server));
		assertThat(body.get("metadata").get("jsonrpc_path").asString()).isEqualTo("/api/jsonrpc");
		assertThat(body.get("metadata").get("team").asString()).isEqualTo("search");
		assertThat(java.util.UUID.fromString(body.get("uuid").asString())).isNotNull();
		await().atMost(Duration.ofSeconds(2)).until(() -> state(server).phase() == RegistrationState.Phase.REGISTERED);
	}

	@Test
	void heartbeatsEveryIntervalWithTheRegisterBodyAndATimestamp() {
		FakeProxy proxy = proxy(FakeProxy.start());
		server(proxy);

		await().atMost(Duration.ofSeconds(5)).until(() -> proxy.at("/proxy/heartbeat").size() >= 3);

		JsonNode register = proxy.at("/register").get(0).body();
		List<FakeProxy.Received> beats = proxy.at("/proxy/heartbeat");
		JsonNode beat = beats.get(0).body();
		assertThat(beat.get("uuid")).isEqualTo(register.get("uuid"));
		assertThat(beat.get("server_url")).isEqualTo(register.get("server_url"));
		assertThat(beat.get("capabilities")).isEqualTo(register.get("capabilities"));
		assertThat(beat.get("timestamp").asLong()).isCloseTo(java.time.Instant.now().getEpochSecond(),
				org.assertj.core.data.Offset.offset(5L));
		Duration gap = Duration.between(beats.get(1).at(), beats.get(2).at());
		assertThat(gap).isBetween(Duration.ofMillis(150), Duration.ofMillis(1000));
		assertThat(proxy.at("/register")).hasSize(1);
	}

	@Test
	void proxyRestartedEmptyKnowsTheServerAgainWithinOneInterval() {
		FakeProxy proxy = proxy(FakeProxy.start());
		ConfigurableApplicationContext server = server(proxy);
		await().atMost(Duration.ofSeconds(5)).until(() -> !proxy.at("/proxy/heartbeat").isEmpty());

		proxy.forgetAll();
		long forgottenAt = System.nanoTime();

		await().atMost(Duration.ofSeconds(2)).until(() -> proxy.at("/register").size() == 2);
		assertThat(Duration.ofNanos(System.nanoTime() - forgottenAt)).isLessThan(Duration.ofMillis(200 + 300));
		await().atMost(Duration.ofSeconds(2)).until(() -> state(server).phase() == RegistrationState.Phase.REGISTERED);
	}

	@Test
	void proxyDownAtStartupDoesNotStopTheServerAndItRegistersOnceTheProxyIsUp() throws Exception {
		FakeProxy proxy = proxy(FakeProxy.down());
		ConfigurableApplicationContext server = server(proxy);

		HttpResponse<String> health = get(server, "/health");
		assertThat(health.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
			JsonNode components = json.readTree(get(server, "/health").body()).path("components");
			JsonNode registration = components.path("registration");
			// the seed adapter's name for the same component
			assertThat(components.path("proxy_registration")).isEqualTo(registration);
			assertThat(registration.path("state").asString()).isEqualTo("failed-retrying");
			assertThat(registration.path("status").asString()).isEqualTo("degraded");
			assertThat(registration.has("next_attempt")).isTrue();
			assertThat(registration.path("last_error").asString()).isNotBlank();
		});
		assertThat(post(server, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{\"message\":\"hi\"}}"))
			.contains("\"hi\"");

		proxy.listen();

		await().atMost(Duration.ofSeconds(3)).until(() -> !proxy.at("/register").isEmpty());
		await().atMost(Duration.ofSeconds(2)).until(() -> state(server).phase() == RegistrationState.Phase.REGISTERED);
		assertThat(state(server).attempts()).isZero();
	}

	@Test
	void proxyAnswering500IsRetriedWithGrowingSpacing() {
		FakeProxy proxy = proxy(FakeProxy.start());
		proxy.answer("/register", 500);
		ConfigurableApplicationContext server = server(proxy, "adapter.registration.initial-backoff=80ms",
				"adapter.registration.max-backoff=5s");

		await().atMost(Duration.ofSeconds(8)).until(() -> proxy.at("/register").size() >= 6);

		// planned gaps 80, 160, 320, 640, 1280 ms, each +-20%; the first also carries
		// one-off warm-up,
		// so compare gaps two apart (at least 2.6x apart in plan) from the second gap on
		List<FakeProxy.Received> attempts = proxy.at("/register");
		List<Duration> gaps = new ArrayList<>();
		for (int i = 1; i < 6; i++) {
			gaps.add(Duration.between(attempts.get(i - 1).at(), attempts.get(i).at()));
		}
		assertThat(gaps.get(3)).as("gaps %s", gaps).isGreaterThan(gaps.get(1));
		assertThat(gaps.get(4)).as("gaps %s", gaps).isGreaterThan(gaps.get(2));
		assertThat(gaps.get(4)).as("gaps %s", gaps).isGreaterThan(Duration.ofMillis(1000));
		RegistrationState.Snapshot snapshot = state(server);
		assertThat(snapshot.phase()).isIn(RegistrationState.Phase.FAILED_RETRYING, RegistrationState.Phase.REGISTERING);
		assertThat(snapshot.lastError()).contains("HTTP 500");
	}

	@Test
	void hangingProxyTimesOutBacksOffAndLeavesNoThreadBehind() {
		long threadsBefore = registrationThreads();
		FakeProxy proxy = proxy(FakeProxy.start());
		proxy.hang(true);
		ConfigurableApplicationContext server = RegistrationTestApplication
			.run(concat(proxy.properties(), "adapter.registration.request-timeout=150ms",
					"adapter.registration.initial-backoff=100ms", "adapter.registration.max-backoff=400ms"));
		long startedAt = System.nanoTime();

		await().atMost(Duration.ofSeconds(5)).until(() -> proxy.at("/register").size() >= 3);
		assertThat(state(server).lastError()).contains("Timeout");
		assertThat(registrationThreads()).isGreaterThan(threadsBefore);
		Duration window = Duration.ofNanos(System.nanoTime() - startedAt);
		// each attempt costs at least the 150ms timeout plus a back-off of at least 80ms
		assertThat((long) proxy.at("/register").size()).isLessThanOrEqualTo(window.toMillis() / 230 + 2);

		server.close();

		await().atMost(Duration.ofSeconds(5)).until(() -> registrationThreads() == threadsBefore);
	}

	@Test
	void gracefulShutdownUnregistersWhileTheServerStillListens() {
		FakeProxy proxy = proxy(FakeProxy.start());
		ConfigurableApplicationContext server = RegistrationTestApplication.run(concat(proxy.properties(), FAST));
		await().atMost(Duration.ofSeconds(5)).until(() -> state(server).phase() == RegistrationState.Phase.REGISTERED);
		String url = "http://127.0.0.1:" + RegistrationTestApplication.port(server);
		RegistrationState state = server.getBean(RegistrationState.class);
		proxy.probeServer(true);

		server.close();

		List<FakeProxy.Received> unregister = proxy.at("/unregister");
		assertThat(unregister).hasSize(1);
		assertThat(unregister.get(0).body().propertyNames()).containsExactly("server_id", "server_url");
		assertThat(unregister.get(0).body().get("server_url").asString()).isEqualTo(url);
		assertThat(unregister.get(0).serverHealthStatus()).as("the server still served while unregistering")
			.isEqualTo(200);
		assertThat(state.snapshot().phase()).isEqualTo(RegistrationState.Phase.DISABLED);
	}

	@Test
	void alreadyRegisteredAnswerCountsAsSuccessAndIsNotRetried() {
		FakeProxy proxy = proxy(FakeProxy.start());
		proxy.answer("/register", 409);
		ConfigurableApplicationContext server = server(proxy);

		await().atMost(Duration.ofSeconds(5)).until(() -> proxy.at("/proxy/heartbeat").size() >= 2);

		assertThat(proxy.at("/register")).hasSize(1);
		assertThat(state(server).phase()).isEqualTo(RegistrationState.Phase.REGISTERED);
	}

	@Test
	void givesUpAfterMaxAttemptsAndReportsFailed() {
		FakeProxy proxy = proxy(FakeProxy.start());
		proxy.answer("/register", 503);
		ConfigurableApplicationContext server = server(proxy, "adapter.registration.max-attempts=3");

		await().atMost(Duration.ofSeconds(5)).until(() -> state(server).phase() == RegistrationState.Phase.FAILED);

		assertThat(proxy.at("/register")).hasSize(3);
		assertThat(state(server).nextAttempt()).isNull();
	}

	@Test
	void stateIsTheSameInHealthTheCommandActuatorAndMetrics() throws Exception {
		FakeProxy proxy = proxy(FakeProxy.start());
		ConfigurableApplicationContext server = server(proxy);
		await().atMost(Duration.ofSeconds(5)).until(() -> !proxy.at("/proxy/heartbeat").isEmpty());

		JsonNode health = json.readTree(get(server, "/health").body()).path("components").path("registration");
		JsonNode command = json
			.readTree(post(server, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"registration_status\"}"))
			.path("result");
		assertThat(health.path("status").asString()).isEqualTo("ok");
		assertThat(health.path("state").asString()).isEqualTo("registered");
		assertThat(command.path("state").asString()).isEqualTo("registered");
		assertThat(command.path("server_id").asString()).isEqualTo("registration-test");
		assertThat(command.path("server_url")).isEqualTo(health.path("server_url"));
		assertThat(command.has("last_success")).isTrue();
		HealthIndicator indicator = server.getBean("registrationHealthIndicator", HealthIndicator.class);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		assertThat(indicator.health().getDetails()).containsEntry("state", "registered");
		MeterRegistry meters = server.getBean(MeterRegistry.class);
		assertThat(meters.get("rpc.adapter.registration.attempts").functionCounter().count()).isGreaterThanOrEqualTo(2);
		assertThat(meters.get("rpc.adapter.registration.failures").functionCounter().count()).isZero();
		assertThat(meters.get("rpc.adapter.registration.last.success").gauge().value()).isPositive();
		// each request to the proxy is observed through Boot's registry: a timer per kind
		// and outcome
		assertThat(
				meters.find("rpc.adapter.registration.request").tags("kind", "register", "outcome", "success").timer())
			.isNotNull();
	}

	private FakeProxy proxy(FakeProxy proxy) {
		this.resources.add(proxy);
		return proxy;
	}

	private ConfigurableApplicationContext server(FakeProxy proxy, String... extra) {
		ConfigurableApplicationContext context = RegistrationTestApplication
			.run(concat(concat(proxy.properties(), FAST), extra));
		this.resources.add(context);
		return context;
	}

	private static RegistrationState.Snapshot state(ConfigurableApplicationContext context) {
		return context.getBean(RegistrationState.class).snapshot();
	}

	private HttpResponse<String> get(ConfigurableApplicationContext server, String path) throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + RegistrationTestApplication.port(server) + path);
		return this.http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String post(ConfigurableApplicationContext server, String body) throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + RegistrationTestApplication.port(server) + "/api/jsonrpc");
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	static long registrationThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith(ProxyClient.THREAD_PREFIX))
			.count();
	}

	private static String[] concat(String[] first, String... second) {
		String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
