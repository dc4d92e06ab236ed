package dev.rpcadapter.proxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.rpcadapter.test.TestCertificates;
import dev.rpcadapter.testserver.OwnNettyResources;
import dev.rpcadapter.testserver.TestServerApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * mTLS both ways: the server registers with an HTTPS proxy that requires a client
 * certificate, and the proxy calls the HTTPS server with its own client certificate.
 * Everything from PEM files through Spring Boot SSL bundles.
 */
class ProxyMutualTlsIntegrationTests {

	@TempDir
	Path dir;

	private TestCertificates pki;

	private TestCertificates.Leaf client;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private HttpClient https;

	private ConfigurableApplicationContext proxy;

	private int proxyPort;

	@BeforeEach
	void startProxy() throws Exception {
		this.pki = new TestCertificates(this.dir);
		TestCertificates.Leaf proxyCert = this.pki.issue("proxy");
		// the proxy's callers and the registering server present this certificate: its
		// roles let it do both
		this.client = this.pki.issue("client", "registrar", "client");
		this.pki.issue("server");
		this.https = HttpClient.newBuilder()
			.sslContext(this.pki.sslContext(this.client))
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		String[] properties = Stream
			.of(List.of("server.ssl.bundle=proxy-tls", "server.ssl.client-auth=need", "proxy.ssl-bundle=to-servers"),
					List.of(this.pki.bundle("proxy-tls", proxyCert)),
					List.of(this.pki.bundle("to-servers", this.client)))
			.flatMap(List::stream)
			.toArray(String[]::new);
		this.proxy = new SpringApplicationBuilder(ProxyApplication.class, OwnNettyResources.class)
			.web(WebApplicationType.REACTIVE)
			.run(TestServerApplication.args(List.of("server.port=0", "server.address=127.0.0.1",
					"spring.main.banner-mode=off", "proxy.heartbeat-interval=200ms",
					"adapter.security.mtls.enabled=true", "proxy.server-urls.allow-loopback=true"), properties));
		this.contexts.add(this.proxy);
		this.proxyPort = ProxyIntegrationTests.port(this.proxy);
	}

	@AfterEach
	void close() {
		for (int i = this.contexts.size() - 1; i >= 0; i--) {
			this.contexts.get(i).close();
		}
	}

	@Test
	void serverRegistersOverMutualTlsAndIsCalledOverMutualTls() throws Exception {
		TestCertificates.Leaf serverCert = this.pki.issue("server");
		server("secure",
				Stream
					.of(List.of("server.ssl.bundle=server-tls", "server.ssl.client-auth=need",
							"adapter.registration.ssl-bundle=to-proxy"),
							List.of(this.pki.bundle("server-tls", serverCert)),
							List.of(this.pki.bundle("to-proxy", this.client)))
					.flatMap(List::stream)
					.toArray(String[]::new));

		await().atMost(Duration.ofSeconds(5)).until(() -> ProxyIntegrationTests.ids(get("/list")).contains("secure"));

		JsonNode entry = get("/list").get("servers").get(0);
		assertThat(entry.get("server_url").asString()).startsWith("https://127.0.0.1:");
		JsonNode answer = rpc("call_server",
				"{\"server_id\":\"secure\",\"command\":\"add\",\"params\":{\"a\":20,\"b\":22}}");
		assertThat(answer.path("result").asInt()).as(answer.toString()).isEqualTo(42);
	}

	@Test
	void serverWithoutAClientCertificateIsNotRegisteredAndKeepsRetrying() throws Exception {
		ConfigurableApplicationContext server = server("anonymous",
				Stream
					.concat(Stream.of("adapter.registration.ssl-bundle=trust-only"),
							Stream.of(this.pki.trustOnlyBundle("trust-only")))
					.toArray(String[]::new));

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode status = TestServerHttp.rpc(server, "registration_status");
			assertThat(status.path("result").path("state").asString()).isEqualTo("failed-retrying");
			assertThat(status.path("result").path("attempts").asInt()).isGreaterThanOrEqualTo(2);
		});
		assertThat(ProxyIntegrationTests.ids(get("/list"))).doesNotContain("anonymous");
	}

	private ConfigurableApplicationContext server(String serverId, String... properties) {
		String base = "https://127.0.0.1:" + this.proxyPort;
		List<String> all = new ArrayList<>(List.of("adapter.registration.enabled=true",
				"adapter.registration.server-id=" + serverId, "adapter.registration.register-url=" + base + "/register",
				"adapter.registration.unregister-url=" + base + "/unregister",
				"adapter.registration.heartbeat-url=" + base + "/proxy/heartbeat"));
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = TestServerApplication.run(all.toArray(String[]::new));
		this.contexts.add(context);
		return context;
	}

	private JsonNode get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + this.proxyPort + path))
			.timeout(Duration.ofSeconds(5))
			.build();
		return ProxyIntegrationTests.json
			.readTree(this.https.send(request, HttpResponse.BodyHandlers.ofString()).body());
	}

	private JsonNode rpc(String method, String params) throws Exception {
		String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
		HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + this.proxyPort + "/api/jsonrpc"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return ProxyIntegrationTests.json
			.readTree(this.https.send(request, HttpResponse.BodyHandlers.ofString()).body());
	}

	/** Plain-HTTP JSON-RPC to a test server. */
	static final class TestServerHttp {

		private static final HttpClient http = HttpClient.newHttpClient();

		static JsonNode rpc(ConfigurableApplicationContext server, String method) throws Exception {
			URI uri = URI.create("http://127.0.0.1:" + ProxyIntegrationTests.port(server) + "/api/jsonrpc");
			HttpRequest request = HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(5))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\"}"))
				.build();
			return ProxyIntegrationTests.json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
		}

	}

}
