package dev.rpcadapter.autoconfigure.security;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.rpcadapter.test.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code server.http2.enabled=true} with mTLS: HTTP/2 over TLS (ALPN) reaches the
 * adapter's routes, every stream is authenticated from the connection's client
 * certificate and its own token, and the connection-level caller memory never leaks a
 * caller to another stream's credentials.
 */
class Http2IntegrationTests {

	@TempDir
	static Path directory;

	private static TestCertificates certificates;

	private static TestServer server;

	@BeforeAll
	static void start() {
		certificates = new TestCertificates(directory);
		server = TestServer.startTls(certificates, "need", "server.http2.enabled=true", "adapter.security.enabled=true",
				"adapter.security.mtls.enabled=true", "adapter.security.tokens.ops-key=ops",
				"adapter.security.roles.ops=*", "adapter.security.roles.user=add,whoami");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void callsOverHttp2AreAuthenticatedPerStream() throws Exception {
		HttpClient bob = http2Client("bob");

		HttpResponse<String> asBob = post(bob, call("whoami", "{}"));
		HttpResponse<String> withToken = post(bob, call("whoami", "{}"), "X-API-Key", "ops-key");
		HttpResponse<String> wrongToken = post(bob, call("whoami", "{}"), "X-API-Key", "nope");
		HttpResponse<String> deniedForUser = post(bob, call("secret", "{}"));

		assertThat(asBob.version()).isEqualTo(HttpClient.Version.HTTP_2);
		JsonNode me = TestServer.JSON.readTree(asBob.body()).get("result");
		assertThat(me.get("principal").asString()).isEqualTo("cert:bob");
		assertThat(me.get("roles").toString()).isEqualTo("[\"user\"]");
		assertThat(TestServer.JSON.readTree(withToken.body()).path("result").path("roles").toString())
			.isEqualTo("[\"ops\",\"user\"]");
		assertThat(wrongToken.statusCode()).isEqualTo(401);
		assertThat(TestServer.JSON.readTree(deniedForUser.body()).path("error").path("code").asInt()).isEqualTo(-32601);
	}

	@Test
	void manyConcurrentStreamsOnOneConnectionEachGetTheirOwnCaller() throws Exception {
		HttpClient client = http2Client("carol");
		List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String[] headers = (i % 2 == 0) ? new String[] { "X-API-Key", "ops-key" } : new String[0];
			replies.add(client.sendAsync(request(call("whoami", "{}"), headers), HttpResponse.BodyHandlers.ofString()));
		}

		for (int i = 0; i < replies.size(); i++) {
			HttpResponse<String> reply = replies.get(i).get(10, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(reply.version()).isEqualTo(HttpClient.Version.HTTP_2);
			String roles = TestServer.JSON.readTree(reply.body()).path("result").path("roles").toString();
			assertThat(roles).as("stream %d", i).isEqualTo((i % 2 == 0) ? "[\"ops\",\"user\"]" : "[\"user\"]");
		}
	}

	@Test
	void cleartextHttp2ReachesTheRoutesWithTokens() throws Exception {
		try (TestServer h2c = TestServer.start("http", "server.http2.enabled=true", "adapter.security.enabled=true",
				"adapter.security.tokens.ops-key=ops", "adapter.security.roles.ops=*")) {
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
			HttpRequest.Builder get = HttpRequest.newBuilder(h2c.uri("/health")).timeout(Duration.ofSeconds(10));
			// the JDK client upgrades to h2c on a request without a body, then keeps the
			// connection
			assertThat(client.send(get.build(), HttpResponse.BodyHandlers.ofString()).version())
				.isEqualTo(HttpClient.Version.HTTP_2);

			HttpResponse<String> reply = client.send(HttpRequest.newBuilder(h2c.uri("/api/jsonrpc"))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.header("X-API-Key", "ops-key")
				.POST(HttpRequest.BodyPublishers.ofString(call("add", "{\"a\":2,\"b\":3}")))
				.build(), HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(h2c.uri("/api/jsonrpc"))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(call("add", "{\"a\":2,\"b\":3}")))
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(reply.version()).isEqualTo(HttpClient.Version.HTTP_2);
			assertThat(TestServer.JSON.readTree(reply.body()).path("result").asInt()).isEqualTo(5);
			assertThat(anonymous.statusCode()).isEqualTo(401);
		}
	}

	/**
	 * An HTTP/2 client presenting a certificate for {@code name} with role {@code user}.
	 */
	private static HttpClient http2Client(String name) {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_2)
			.sslContext(certificates.clientTls(certificates.client(name, "user")))
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	private static HttpResponse<String> post(HttpClient client, String body, String... headers) throws Exception {
		return client.send(request(body, headers), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest request(String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/api/jsonrpc"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return request.build();
	}

}
