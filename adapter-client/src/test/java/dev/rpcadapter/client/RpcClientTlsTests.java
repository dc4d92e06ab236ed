package dev.rpcadapter.client;

import java.nio.file.Path;
import java.util.Map;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.IssuedCertificate;
import dev.rpcadapter.ca.IssuedCertificate.PemFiles;
import dev.rpcadapter.test.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Real TLS handshakes against a JDK {@code HttpsServer} with generated certificates.
 */
class RpcClientTlsTests {

	@TempDir
	static Path directory;

	private static final char[] PASSWORD = "changeit".toCharArray();

	static TestCertificates certificates;

	static Path otherCaPem;

	static IssuedCertificate clientCertificate;

	static PemFiles clientPem;

	@BeforeAll
	static void createCertificates() {
		certificates = new TestCertificates(directory);
		otherCaPem = new TestCertificates(directory.resolve("other")).caPem();
		clientCertificate = certificates.client("client");
		clientPem = certificates.write(clientCertificate, "client");
	}

	@Test
	void callSucceedsWhenServerCertificateIsIssuedByTrustedCa() throws Exception {
		try (ScriptedServer server = pongServer(false, false);
				RpcClient client = RpcClient.builder(server.baseUrl()).trustedCa(certificates.caPem()).build()) {
			assertThat(client.call("ping", null).stringValue()).isEqualTo("pong");
		}
	}

	@Test
	void callSucceedsWithTrustStoreInsteadOfPemFile() throws Exception {
		try (ScriptedServer server = pongServer(false, false);
				RpcClient client = RpcClient.builder(server.baseUrl()).trustedCa(certificates.caTrustStore()).build()) {
			assertThat(client.call("ping", null).stringValue()).isEqualTo("pong");
		}
	}

	@Test
	void unknownCaWithDefaultTrustStoreFailsWithClearMessage() throws Exception {
		try (ScriptedServer server = pongServer(false, false);
				RpcClient client = RpcClient.builder(server.baseUrl()).build()) {
			assertThatExceptionOfType(RpcTransportException.class).isThrownBy(() -> client.call("ping", null))
				.withMessageContaining("TLS handshake with " + server.baseUrl() + " failed")
				.withMessageContaining("not trusted (unknown CA)")
				.withMessageContaining("trustedCa(");
		}
	}

	@Test
	void serverCertificateFromAnotherCaFailsAsUnknownCa() throws Exception {
		try (ScriptedServer server = pongServer(false, false);
				RpcClient client = RpcClient.builder(server.baseUrl()).trustedCa(otherCaPem).build()) {
			assertThatExceptionOfType(RpcTransportException.class).isThrownBy(() -> client.call("ping", null))
				.withMessageContaining("unknown CA");
		}
	}

	@Test
	void hostnameMismatchFailsWithClearMessageEvenWithTrustedCa() throws Exception {
		try (ScriptedServer server = pongServer(true, false);
				RpcClient client = RpcClient.builder(server.baseUrl()).trustedCa(certificates.caPem()).build()) {
			assertThatExceptionOfType(RpcTransportException.class).isThrownBy(() -> client.call("ping", null))
				.withMessageContaining("hostname mismatch")
				.withMessageContaining("'127.0.0.1'");
		}
	}

	@Test
	void trustAllAcceptsUnknownCaAndMismatchedHostname() throws Exception {
		try (ScriptedServer server = pongServer(true, false);
				RpcClient client = RpcClient.builder(server.baseUrl())
					.insecureTrustAllCertificatesDangerous()
					.build()) {
			assertThat(client.call("ping", null).stringValue()).isEqualTo("pong");
		}
	}

	@Test
	void mutualTlsSucceedsWithPemClientCertificate() throws Exception {
		try (ScriptedServer server = pongServer(false, true);
				RpcClient client = RpcClient.builder(server.baseUrl())
					.trustedCa(certificates.caPem())
					.clientCertificate(clientPem.certificate(), clientPem.privateKey())
					.build()) {
			assertThat(client.call("ping", Map.of()).stringValue()).isEqualTo("pong");
		}
	}

	@Test
	void mutualTlsSucceedsWithKeyStoreClientCertificate() throws Exception {
		try (ScriptedServer server = pongServer(false, true);
				RpcClient client = RpcClient.builder(server.baseUrl())
					.trustedCa(certificates.caPem())
					.clientCertificate(clientCertificate.toKeyStore("key", PASSWORD), PASSWORD.clone())
					.build()) {
			assertThat(client.call("ping", null).stringValue()).isEqualTo("pong");
		}
	}

	@Test
	void mutualTlsWithoutClientCertificateFailsWithTransportError() throws Exception {
		try (ScriptedServer server = pongServer(false, true);
				RpcClient client = RpcClient.builder(server.baseUrl()).trustedCa(certificates.caPem()).build()) {
			assertThatExceptionOfType(RpcTransportException.class).isThrownBy(() -> client.call("ping", null))
				.withMessageContaining(server.baseUrl().toString())
				.withMessageContaining("clientCertificate(...)");
		}
	}

	private static ScriptedServer pongServer(boolean mismatchedName, boolean needClientAuth) throws Exception {
		IssuedCertificate identity = mismatchedName
				? certificates.issueServer(CertificateRequest.forName("other").withDnsNames("other.example"))
				: certificates.server();
		return ScriptedServer.https(certificates.serverTls(identity, needClientAuth), needClientAuth,
				(request) -> ScriptedServer.Reply.result(request, "\"pong\""));
	}

}
