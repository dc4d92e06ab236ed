package dev.rpcadapter.autoconfigure.security;

import java.io.IOException;
import java.nio.file.Path;

import javax.net.ssl.SSLContext;

import dev.rpcadapter.test.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of a page on another site in a browser that holds the caller's client
 * certificate: a form or no-cors {@code fetch} POST (content types a browser sends
 * without a CORS preflight), and cross-site WebSocket hijacking (a WebSocket is not bound
 * by the same-origin policy).
 */
class CrossSiteRequestIntegrationTests {

	@TempDir
	static Path directory;

	private static TestCertificates certificates;

	private static TestServer server;

	private static SSLContext browser;

	@BeforeAll
	static void start() {
		certificates = new TestCertificates(directory);
		browser = certificates.clientTls(certificates.client("alice", "admin"));
		server = TestServer.startTls(certificates, "need", "adapter.security.enabled=true",
				"adapter.security.mtls.enabled=true", "adapter.security.roles.admin=*",
				"adapter.security.allowed-origins=https://app.example");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void crossSiteSimplePostsRunNoCommandAndTheConnectionStaysUsable() throws IOException {
		String add = call("add", "{\"a\":1,\"b\":2}");
		try (OneConnection connection = OneConnection.open(server, browser)) {
			for (String path : new String[] { "/api/jsonrpc", "/api/jsonrpc/batch", "/cmd" }) {
				String body = path.endsWith("batch") ? "[" + add + "]" : add;
				for (String type : new String[] { "text/plain", "text/plain;charset=UTF-8",
						"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null }) {
					assertRefused(connection.postTyped(path, type, body), path + " " + type);
				}
			}
			assertThat(connection.post("/api/jsonrpc", add).json().path("result").asInt()).isEqualTo(3);
		}
	}

	@Test
	void jsonWithACharsetAndTheJsonRpcMediaTypeAreAccepted() throws IOException {
		try (OneConnection connection = OneConnection.open(server, browser)) {
			for (String type : new String[] { "application/json; charset=utf-8", "Application/JSON",
					"application/json-rpc" }) {
				assertThat(connection.postTyped("/api/jsonrpc", type, call("add", "{\"a\":1,\"b\":2}"))
					.json()
					.path("result")
					.asInt()).as(type).isEqualTo(3);
			}
		}
	}

	@Test
	void webSocketUpgradeFromAForeignOriginIsRefused() throws IOException {
		for (String origin : new String[] { "https://evil.example", "null", "https://app.example.evil.example" }) {
			try (OneConnection connection = OneConnection.open(server, browser)) {
				OneConnection.Response response = connection.upgrade("/ws", "Origin", origin);
				assertThat(response.status()).as(origin).isEqualTo(403);
				assertThat(response.json().path("error").path("code").asInt()).isEqualTo(-32002);
				assertThat(response.json().get("id").isNull()).isTrue();
			}
		}
	}

	@Test
	void webSocketUpgradeWithoutOriginFromTheServerItselfOrAnAllowedOriginIsAccepted() throws IOException {
		String self = server.uri("").toString();
		String[][] cases = { {}, { "Origin", "https://app.example" }, { "Origin", self } };
		for (String[] headers : cases) {
			try (OneConnection connection = OneConnection.open(server, browser)) {
				assertThat(connection.upgrade("/ws", headers).status()).as(String.join(" ", headers)).isEqualTo(101);
			}
		}
	}

	private static void assertRefused(OneConnection.Response response, String what) {
		assertThat(response.status()).as(what).isEqualTo(415);
		JsonNode body = response.json();
		assertThat(body.path("error").path("code").asInt()).as(what).isEqualTo(-32600);
		assertThat(body.get("id").isNull()).isTrue();
		assertThat(body.has("result")).isFalse();
	}

}
