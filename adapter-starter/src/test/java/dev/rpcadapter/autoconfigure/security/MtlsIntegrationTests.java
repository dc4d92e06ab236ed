package dev.rpcadapter.autoconfigure.security;

import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.CertificateTool;
import dev.rpcadapter.ca.IssuedCertificate;
import dev.rpcadapter.security.cert.RoleEncoding;
import dev.rpcadapter.test.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Real TLS handshakes against a server that requires client certificates and checks a
 * CRL.
 */
class MtlsIntegrationTests {

	@TempDir
	static Path directory;

	private static TestCertificates certificates;

	private static IssuedCertificate revoked;

	private static final List<BigInteger> revokedSerials = new ArrayList<>();

	private static TestServer server;

	@BeforeAll
	static void start() {
		certificates = new TestCertificates(directory);
		revoked = certificates.client("dave", "admin");
		revokedSerials.add(revoked.serialNumber());
		Path crl = certificates.writeCrl(revokedSerials);
		server = TestServer.startTls(certificates, "need", "adapter.security.enabled=true",
				"adapter.security.mtls.enabled=true", "adapter.security.mtls.crl=" + crl.toUri(),
				"adapter.security.mtls.crl-refresh-interval=0s", "adapter.security.roles.admin=*",
				"adapter.security.roles.user=echo,add,whoami");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void handshakeWithoutClientCertificateFails() {
		assertHandshakeFails(certificates.clientTls(null));
	}

	@Test
	void certificateFromAnotherCaFailsTheHandshake() {
		IssuedCertificate otherCa = CertificateTool.createCa(CertificateRequest.forName("Other CA"));
		IssuedCertificate mallory = CertificateTool.issueClient(otherCa,
				CertificateRequest.forName("mallory").withRoles("admin"));

		assertHandshakeFails(certificates.clientTls(mallory));
	}

	@Test
	void expiredClientCertificateFailsTheHandshake() {
		assertHandshakeFails(certificates.clientTls(certificates.expiredClient("eve", "admin")));
	}

	@Test
	void revokedClientCertificateFailsTheHandshake() {
		assertHandshakeFails(certificates.clientTls(revoked));
	}

	@Test
	void certificateWithoutRolesAuthenticatesButIsDeniedEveryCommand() throws Exception {
		HttpClient carol = TestServer.client(certificates.clientTls(certificates.client("carol")));

		TestServer.Reply reply = server.post(carol, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":2}"));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.errorCode()).isEqualTo(-32601);
		assertThat(server.get(carol, "/commands").json().isEmpty()).isTrue();
	}

	@Test
	void certificateRolesGrantTheirCommandsAndNameTheCaller() throws Exception {
		HttpClient bob = TestServer.client(certificates.clientTls(certificates.client("bob", "user")));
		HttpClient alice = TestServer.client(certificates.clientTls(certificates.client("alice", "admin")));

		JsonNode me = server.post(bob, "/api/jsonrpc", call("whoami", "{}")).json().get("result");
		TestServer.Reply denied = server.post(bob, "/api/jsonrpc", call("secret", "{}"));
		TestServer.Reply allowed = server.post(alice, "/api/jsonrpc", call("secret", "{}"));

		assertThat(me.get("principal").asString()).isEqualTo("cert:bob");
		assertThat(me.get("roles").toString()).isEqualTo("[\"user\"]");
		assertThat(me.path("attributes").path("authenticated_by").toString()).isEqualTo("[\"certificate\"]");
		assertThat(denied.errorCode()).isEqualTo(-32601);
		assertThat(allowed.json().get("result").asString()).isEqualTo("the secret");
	}

	@Test
	void rolesWrittenAsDerUtf8StringAreReadLikeRawOnes() throws Exception {
		IssuedCertificate opensslStyle = CertificateTool.issueClient(certificates.ca(),
				CertificateRequest.forName("olga").withRoles("user").withRoleEncoding(RoleEncoding.DER_UTF8_STRING));
		HttpClient olga = TestServer.client(certificates.clientTls(opensslStyle));

		JsonNode me = server.post(olga, "/api/jsonrpc", call("whoami", "{}")).json().get("result");

		assertThat(me.get("roles").toString()).isEqualTo("[\"user\"]");
	}

	@Test
	void certificateRevokedWhileServingIsRejectedOnOpenConnectionsAndHandshakes() throws Exception {
		IssuedCertificate frank = certificates.client("frank", "user");
		HttpClient connected = TestServer.client(certificates.clientTls(frank));
		assertThat(server.post(connected, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":1}")).status()).isEqualTo(200);

		revokedSerials.add(frank.serialNumber());
		certificates.writeCrl(revokedSerials);

		TestServer.Reply onOpenConnection = server.post(connected, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":1}"));
		assertThat(onOpenConnection.status()).isEqualTo(401);
		assertThat(onOpenConnection.errorCode()).isEqualTo(-32001);
		assertHandshakeFails(certificates.clientTls(frank));
	}

	@Test
	void healthReportsDaysLeftForTheServerCertificateAndTheCrl() throws Exception {
		HttpClient bob = TestServer.client(certificates.clientTls(certificates.client("bob", "user")));

		TestServer.Reply health = server.get(bob, "/health");
		JsonNode component = health.json().path("components").path("certificates");

		assertThat(component.path("status").asString()).isEqualTo("ok");
		assertThat(component.path("server_certificate").path("days_left").asInt()).isGreaterThan(300);
		assertThat(component.path("crl").path("days_left").asInt()).isBetween(28, 30);
		assertThat(health.header("Strict-Transport-Security")).startsWith("max-age=");
	}

	@Test
	void secureWebSocketTakesTheCallerFromTheCertificate() throws Exception {
		HttpClient bob = TestServer.client(certificates.clientTls(certificates.client("bob", "user")));
		TokenSecurityIntegrationTests.Frames frames = new TokenSecurityIntegrationTests.Frames();
		WebSocket socket = bob.newWebSocketBuilder()
			.buildAsync(server.webSocketUri(), frames)
			.get(10, TimeUnit.SECONDS);
		try {
			socket.sendText(call("add", "{\"a\":1,\"b\":2}"), true).get(5, TimeUnit.SECONDS);
			assertThat(frames.next().get("result").asInt()).isEqualTo(3);
			socket.sendText(call("secret", "{}"), true).get(5, TimeUnit.SECONDS);
			assertThat(frames.next().path("error").path("code").asInt()).isEqualTo(-32601);
		}
		finally {
			socket.abort();
		}
	}

	private static void assertHandshakeFails(javax.net.ssl.SSLContext tls) {
		HttpClient client = TestServer.client(tls);
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> server.post(client, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":2}")));
	}

}
