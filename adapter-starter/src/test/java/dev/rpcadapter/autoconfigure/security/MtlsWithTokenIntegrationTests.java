package dev.rpcadapter.autoconfigure.security;

import java.net.http.HttpClient;
import java.nio.file.Path;

import dev.rpcadapter.test.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code adapter.security.mtls.require-token}: a client certificate AND a token are
 * needed.
 */
class MtlsWithTokenIntegrationTests {

	@TempDir
	static Path directory;

	private static TestCertificates certificates;

	private static TestServer server;

	@BeforeAll
	static void start() {
		certificates = new TestCertificates(directory);
		server = TestServer.startTls(certificates, "want", "adapter.security.enabled=true",
				"adapter.security.mtls.enabled=true", "adapter.security.mtls.require-token=true",
				"adapter.security.tokens.ops-key=ops", "adapter.security.roles.ops=*",
				"adapter.security.roles.user=add,whoami");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void certificateAloneIsNotEnough() throws Exception {
		HttpClient bob = TestServer.client(certificates.clientTls(certificates.client("bob", "user")));

		TestServer.Reply reply = server.post(bob, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":1}"));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.errorCode()).isEqualTo(-32001);
	}

	@Test
	void tokenAloneIsNotEnough() throws Exception {
		HttpClient anonymous = TestServer.client(certificates.clientTls(null));

		TestServer.Reply reply = server.post(anonymous, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":1}"), "X-API-Key",
				"ops-key");

		assertThat(reply.status()).isEqualTo(401);
	}

	@Test
	void certificateAndTokenTogetherAuthenticateWithTheTokenPrincipalAndBothRoles() throws Exception {
		HttpClient bob = TestServer.client(certificates.clientTls(certificates.client("bob", "user")));

		JsonNode me = server.post(bob, "/api/jsonrpc", call("whoami", "{}"), "X-API-Key", "ops-key")
			.json()
			.get("result");

		assertThat(me.get("principal").asString()).as("the more specific credential").isEqualTo("token:2c69bc");
		assertThat(me.get("roles").toString()).isEqualTo("[\"ops\",\"user\"]");
		assertThat(me.path("attributes").path("authenticated_by").toString()).isEqualTo("[\"certificate\",\"token\"]");
	}

	@Test
	void theTokenIsCheckedOnEveryRequestOfOneTlsConnection() throws Exception {
		try (OneConnection bob = OneConnection.open(server,
				certificates.clientTls(certificates.client("bob", "user")))) {
			String whoami = call("whoami", "{}");

			assertThat(bob.post("/api/jsonrpc", whoami, "X-API-Key", "ops-key")
				.json()
				.path("result")
				.path("principal")
				.asString()).isEqualTo("token:2c69bc");
			assertThat(bob.post("/api/jsonrpc", whoami, "X-API-Key", "nope").status()).isEqualTo(401);
			assertThat(bob.post("/api/jsonrpc", whoami).status()).as("the certificate alone").isEqualTo(401);
			assertThat(bob.post("/api/jsonrpc", whoami, "X-API-Key", "ops-key")
				.json()
				.path("result")
				.path("roles")
				.toString()).isEqualTo("[\"ops\",\"user\"]");
		}
	}

	@Test
	void wrongTokenWithAValidCertificateIsRejected() throws Exception {
		HttpClient bob = TestServer.client(certificates.clientTls(certificates.client("bob", "user")));

		assertThat(server.post(bob, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":1}"), "X-API-Key", "nope").status())
			.isEqualTo(401);
	}

}
