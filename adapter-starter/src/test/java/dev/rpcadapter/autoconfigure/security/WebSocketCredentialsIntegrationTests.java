package dev.rpcadapter.autoconfigure.security;

import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.security.cert.CertificateRequest;
import dev.rpcadapter.security.cert.CertificateTool;
import dev.rpcadapter.security.cert.IssuedCertificate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code /ws} session must not outlive its credentials: a certificate revoked or expiring and a
 * JWT expiring after the upgrade end the session (status 1008), and no session lives longer than
 * {@code adapter.websocket.max-session-lifetime}.
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
		try (Socket socket = Socket.open(server, HttpClient.newBuilder().sslContext(certificates.clientTls(erin)))) {
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
		IssuedCertificate shortLived = CertificateTool.issueClient(certificates.ca, CertificateRequest.forName("frank")
			.withValidity(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofSeconds(6)))
			.withRoles("user"));
		try (Socket socket = Socket.open(server,
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
		try (Socket socket = Socket.open(server, client, "Authorization", "Bearer " + jwt)) {
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
				Socket socket = Socket.open(limited, HttpClient.newBuilder().sslContext(certificates.clientTls(null)),
						"X-API-Key", "heidi-key")) {
			assertThat(socket.call(ADD).path("result").asInt()).isEqualTo(3);

			assertThat(socket.closeStatus()).isEqualTo(1008);
			assertThat(socket.closeReason()).startsWith("Session lifetime exceeded");
		}
	}

	/** A JDK WebSocket that collects text frames and the close the server sends. */
	private static final class Socket implements WebSocket.Listener, AutoCloseable {

		private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();

		private final CompletableFuture<Integer> status = new CompletableFuture<>();

		private volatile @Nullable String reason;

		private @Nullable WebSocket socket;

		static Socket open(TestServer server, HttpClient.Builder client, String... headers) throws Exception {
			Socket listener = new Socket();
			WebSocket.Builder builder = client.build().newWebSocketBuilder();
			for (int i = 0; i + 1 < headers.length; i += 2) {
				builder.header(headers[i], headers[i + 1]);
			}
			listener.socket = builder.buildAsync(server.webSocketUri(), listener).get(10, TimeUnit.SECONDS);
			return listener;
		}

		JsonNode call(String message) throws Exception {
			this.socket.sendText(message, true).get(5, TimeUnit.SECONDS);
			String frame = this.frames.poll(10, TimeUnit.SECONDS);
			assertThat(frame).as("an answer within 10 s").isNotNull();
			return TestServer.JSON.readTree(frame);
		}

		/** The status of the close frame the server sends, waited for up to 20 s. */
		int closeStatus() throws Exception {
			return this.status.get(20, TimeUnit.SECONDS);
		}

		@Nullable String closeReason() throws Exception {
			closeStatus();
			return this.reason;
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.frames.add(data.toString());
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.reason = reason;
			this.status.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			this.status.completeExceptionally(error);
		}

		@Override
		public void close() {
			if (this.socket != null) {
				this.socket.abort();
			}
		}
	}
}
