package dev.rpcadapter.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.test.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * HTTPS and WSS against the real server, configured with a Spring Boot SSL bundle from
 * PEM files generated with Bouncy Castle. The server certificate names only
 * {@code localhost}, so {@code https://127.0.0.1} is a hostname mismatch.
 */
class RpcClientTlsIntegrationTests {

	@TempDir
	static Path directory;

	static TestCertificates certificates;

	static Path otherCaPem;

	static TestServer server;

	@BeforeAll
	static void startTlsServer() {
		certificates = new TestCertificates(directory,
				CertificateRequest.forName("localhost").withDnsNames("localhost"));
		otherCaPem = new TestCertificates(directory.resolve("other")).caPem();
		server = TestServer.start(Map.of("server.ssl.bundle", "adapter",
				"spring.ssl.bundle.pem.adapter.keystore.certificate", certificates.uri("server.crt"),
				"spring.ssl.bundle.pem.adapter.keystore.private-key", certificates.uri("server.key")));
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void callSucceedsWithTheRightCa() {
		try (RpcClient client = trusting(certificates.caPem(), "localhost")) {
			assertThat(client.call("subtract", List.of(42, 23), Integer.class)).isEqualTo(19);
			assertThat(client.cmd("subtract", Map.of("minuend", 3, "subtrahend", 1)).intValue()).isEqualTo(2);
		}
	}

	@Test
	void callSucceedsWithCaTrustStore() throws Exception {
		try (RpcClient client = RpcClient.builder(server.httpsUrl("localhost"))
			.trustedCa(certificates.caTrustStore())
			.build()) {
			assertThat(client.call("get_data", null).size()).isEqualTo(2);
		}
	}

	@Test
	void unknownCaFailsWithClearMessage() {
		try (RpcClient client = RpcClient.builder(server.httpsUrl("localhost")).build()) {
			assertThatExceptionOfType(RpcTransportException.class).isThrownBy(() -> client.call("get_data", null))
				.withMessageContaining("TLS handshake with https://localhost:" + server.port() + " failed")
				.withMessageContaining("not trusted (unknown CA)")
				.withMessageContaining("trustedCa(");
		}
	}

	@Test
	void certificateFromAnotherCaFailsAsUnknownCa() {
		try (RpcClient client = trusting(otherCaPem, "localhost")) {
			assertThatExceptionOfType(RpcTransportException.class).isThrownBy(() -> client.call("get_data", null))
				.withMessageContaining("unknown CA");
		}
	}

	@Test
	void hostnameMismatchFailsWithClearMessage() {
		try (RpcClient client = trusting(certificates.caPem(), "127.0.0.1")) {
			assertThatExceptionOfType(RpcTransportException.class).isThrownBy(() -> client.call("get_data", null))
				.withMessageContaining("hostname mismatch")
				.withMessageContaining("'127.0.0.1'");
		}
	}

	@Test
	void trustAllAcceptsMismatchedHostname() {
		try (RpcClient client = RpcClient.builder(server.httpsUrl("127.0.0.1"))
			.insecureTrustAllCertificatesDangerous()
			.build()) {
			assertThat(client.call("subtract", List.of(2, 1), Integer.class)).isEqualTo(1);
		}
	}

	@Test
	void plainHttpClientAgainstTlsServerFailsClearly() {
		try (RpcClient client = RpcClient.builder(java.net.URI.create("http://localhost:" + server.port()))
			.requestTimeout(Duration.ofSeconds(5))
			.build()) {
			assertThatExceptionOfType(RpcTransportException.class).isThrownBy(() -> client.call("get_data", null))
				.withMessageContaining("use an https:// base URL");
		}
	}

	@Test
	void webSocketOverTlsWorksWithTheRightCa() throws Exception {
		try (RpcClient client = trusting(certificates.caPem(), "localhost");
				RpcWebSocketSession session = client.connectWebSocket()) {
			assertThat(session.call("subtract", List.of(42, 23)).get(5, TimeUnit.SECONDS).intValue()).isEqualTo(19);
		}
	}

	@Test
	void webSocketOverTlsWithUnknownCaFailsClearly() {
		try (RpcClient client = trusting(otherCaPem, "localhost")) {
			assertThatExceptionOfType(RpcTransportException.class).isThrownBy(client::connectWebSocket)
				.withMessageContaining("wss://localhost:" + server.port())
				.withMessageContaining("unknown CA");
		}
	}

	@Test
	void webSocketOverTlsWithHostnameMismatchFailsClearly() {
		try (RpcClient client = trusting(certificates.caPem(), "127.0.0.1")) {
			assertThatExceptionOfType(RpcTransportException.class).isThrownBy(client::connectWebSocket)
				.withMessageContaining("hostname mismatch");
		}
	}

	private static RpcClient trusting(Path caPem, String host) {
		return RpcClient.builder(server.httpsUrl(host)).trustedCa(caPem).requestTimeout(Duration.ofSeconds(10)).build();
	}

}
