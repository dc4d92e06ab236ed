package dev.rpcadapter.autoconfigure.security;

import java.math.BigInteger;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.CertificateTool;
import dev.rpcadapter.ca.IssuedCertificate;
import dev.rpcadapter.test.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code /ws} session must not outlive its credentials: a certificate revoked or
 * expiring and a JWT expiring after the upgrade end the session (status 1008), and no
 * session lives longer than {@code adapter.websocket.max-session-lifetime}.
 */
class WebSocketCredentialsIntegrationTests {

	private static final String ADD = call("add", "{\"a\":1,\"b\":2}");

	@TempDir
	static Path directory;

	private static TestCertificates certificates;

	private static final List<BigInteger> revoked = new ArrayList<>();

	private static TestServer server;

	@BeforeAll
	static void start() {
		certificates = new TestCertificates(directory);
		Path crl = certificates.writeCrl(revoked);
		server = TestServer.startTls(certificates, "want", "adapter.security.enabled=true",
				"adapter.security.mtls.enabled=true", "adapter.security.mtls.crl=" + crl.toUri(),
				"adapter.security.mtls.crl-refresh-interval=0s", "adapter.security.jwt.secret=" + Jwts.SECRET,
				"adapter.security.roles.user=add");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void aCertificateRevokedDuringTheSessionIsRefusedAndTheSessionClosed() throws Exception {
		IssuedCertificate erin = certificates.client("erin", "user");
		try (TestSocket socket = TestSocket.open(server,
				HttpClient.newBuilder().sslContext(certificates.clientTls(erin)))) {
			assertThat(socket.call(ADD).path("result").asInt()).isEqualTo(3);
			revoked.add(erin.serialNumber());
			certificates.writeCrl(revoked);

			assertThat(socket.call(ADD).path("error").path("code").asInt()).isEqualTo(-32001);
			assertThat(socket.closeStatus()).isEqualTo(1008);
		}
	}

	@Test
	void aCertificateThatExpiresDuringTheSessionClosesIt() throws Exception {
		Instant now = Instant.now();
		IssuedCertificate shortLived = CertificateTool.issueClient(certificates.ca(),
				CertificateRequest.forName("frank")
					.withValidity(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofSeconds(6)))
					.withRoles("user"));
		try (TestSocket socket = TestSocket.open(server,
				HttpClient.newBuilder().sslContext(certificates.clientTls(shortLived)))) {
			assertThat(socket.call(ADD).path("result").asInt()).isEqualTo(3);

			assertThat(socket.closeStatus()).isEqualTo(1008);
			assertThat(socket.closeReason()).isEqualTo("Credentials expired");
		}
	}

	@Test
	void aJwtThatExpiresDuringTheSessionClosesIt() throws Exception {
		String jwt = Jwts.sign(Jwts.SECRET,
				Jwts.claims("grace", "user").expirationTime(Date.from(Instant.now().plusSeconds(4))).build());
		HttpClient.Builder client = HttpClient.newBuilder().sslContext(certificates.clientTls(null));
		try (TestSocket socket = TestSocket.open(server, client, "Authorization", "Bearer " + jwt)) {
			assertThat(socket.call(ADD).path("result").asInt()).isEqualTo(3);

			assertThat(socket.closeStatus()).isEqualTo(1008);
			assertThat(socket.closeReason()).isEqualTo("Credentials expired");
		}
	}

	@Test
	void noSessionOutlivesTheMaximumLifetime() throws Exception {
		try (TestServer limited = TestServer.startTls(certificates, "want", "adapter.security.enabled=true",
				"adapter.security.tokens.heidi-key=user", "adapter.security.roles.user=add",
				"adapter.websocket.max-session-lifetime=2s");
				TestSocket socket = TestSocket.open(limited,
						HttpClient.newBuilder().sslContext(certificates.clientTls(null)), "X-API-Key", "heidi-key")) {
			assertThat(socket.call(ADD).path("result").asInt()).isEqualTo(3);

			assertThat(socket.closeStatus()).isEqualTo(1008);
			assertThat(socket.closeReason()).startsWith("Session lifetime exceeded");
		}
	}

}
