package dev.rpcadapter.autoconfigure.security;

import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.ca.IssuedCertificate;
import dev.rpcadapter.test.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * mTLS on the servlet transport: Tomcat requires a client certificate from the test CA,
 * the adapter's authenticator takes the caller and its roles from it (as on Reactor
 * Netty).
 */
class ServletMtlsIntegrationTests {

	@TempDir
	static Path directory;

	private static TestCertificates certificates;

	private static final List<BigInteger> revokedSerials = new ArrayList<>();

	private static TestServer server;

	@BeforeAll
	static void start() {
		certificates = new TestCertificates(directory);
		revokedSerials.add(BigInteger.ONE);
		Path crl = certificates.writeCrl(revokedSerials);
		server = TestServer.startTls(WebApplicationType.SERVLET, certificates, "need", "adapter.security.enabled=true",
				"adapter.security.mtls.enabled=true", "adapter.security.mtls.crl=" + crl.toUri(),
				"adapter.security.mtls.crl-refresh-interval=0s", "adapter.security.roles.admin=*",
				"adapter.security.roles.user=echo,add,whoami");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void servedByTomcat() {
		assertThat(((WebServerApplicationContext) server.context()).getWebServer()).isInstanceOf(TomcatWebServer.class);
	}

	@Test
	void certificateRolesGrantTheirCommandsAndNameTheCaller() throws Exception {
		HttpClient bob = TestServer.client(certificates.clientTls(certificates.client("bob", "user")));
		HttpClient alice = TestServer.client(certificates.clientTls(certificates.client("alice", "admin")));

		JsonNode me = server.post(bob, "/api/jsonrpc", call("whoami", "{}")).json().get("result");
		TestServer.Reply allowed = server.post(bob, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":2}"));
		TestServer.Reply denied = server.post(bob, "/api/jsonrpc", call("secret", "{}"));
		TestServer.Reply admin = server.post(alice, "/api/jsonrpc", call("secret", "{}"));

		assertThat(me.get("principal").asString()).isEqualTo("cert:bob");
		assertThat(me.get("roles").toString()).isEqualTo("[\"user\"]");
		assertThat(allowed.json().get("result").asInt()).isEqualTo(3);
		// a command the caller may not call is answered exactly like an unknown one
		assertThat(denied.status()).isEqualTo(200);
		assertThat(denied.errorCode()).isEqualTo(-32601);
		assertThat(admin.json().get("result").asString()).isEqualTo("the secret");
		assertThat(server.get(bob, "/commands").json().has("secret")).isFalse();
		assertThat(allowed.header("Strict-Transport-Security")).startsWith("max-age=");
	}

	@Test
	void certificateWithoutRolesIsDeniedEveryCommand() throws Exception {
		HttpClient carol = TestServer.client(certificates.clientTls(certificates.client("carol")));

		assertThat(server.post(carol, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":2}")).errorCode()).isEqualTo(-32601);
	}

	@Test
	void handshakeWithoutClientCertificateFails() {
		assertHandshakeFails(certificates.clientTls(null));
	}

	@Test
	void expiredClientCertificateFailsTheHandshake() {
		assertHandshakeFails(certificates.clientTls(certificates.expiredClient("eve", "admin")));
	}

	@Test
	void certificateRevokedWhileServingIsRejectedWith401() throws Exception {
		IssuedCertificate frank = certificates.client("frank", "user");
		HttpClient connected = TestServer.client(certificates.clientTls(frank));
		assertThat(server.post(connected, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":1}")).status()).isEqualTo(200);

		revokedSerials.add(frank.serialNumber());
		certificates.writeCrl(revokedSerials);

		TestServer.Reply revoked = server.post(connected, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":1}"));
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.errorCode()).isEqualTo(-32001);
	}

	/**
	 * Tomcat builds its own trust manager from the bundle's trust store, so the CRL is
	 * not checked in its handshake (as it is on Reactor Netty); the authenticator checks
	 * it on every request.
	 */
	@Test
	void revokedClientCertificateIsRejectedWith401() throws Exception {
		IssuedCertificate dave = certificates.client("dave", "admin");
		revokedSerials.add(dave.serialNumber());
		certificates.writeCrl(revokedSerials);

		TestServer.Reply refused = server.post(TestServer.client(certificates.clientTls(dave)), "/api/jsonrpc",
				call("secret", "{}"));

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.errorCode()).isEqualTo(-32001);
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

	@Test
	void withOptionalClientAuthARequestWithoutCertificateIsRefused() throws Exception {
		try (TestServer optional = TestServer.startTls(WebApplicationType.SERVLET, certificates, "want",
				"adapter.security.enabled=true", "adapter.security.mtls.enabled=true",
				"adapter.security.roles.user=add")) {
			HttpClient anonymous = TestServer.client(certificates.clientTls(null));

			TestServer.Reply refused = optional.post(anonymous, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":2}"));

			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.errorCode()).isEqualTo(-32001);
			assertThat(optional.get(anonymous, "/health").status()).isEqualTo(200);
		}
	}

	private static void assertHandshakeFails(javax.net.ssl.SSLContext tls) {
		HttpClient client = TestServer.client(tls);
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> server.post(client, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":2}")));
	}

}
