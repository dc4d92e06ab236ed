package dev.rpcadapter.autoconfigure.security;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import dev.rpcadapter.autoconfigure.diagnostics.AdapterSecurityFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * API token configuration as users write it: a {@code {sha256}} map key without brackets
 * (Spring Boot drops the braces) must not become a plaintext token that anyone who reads
 * the digest can present; the list form needs no brackets at all.
 */
class TokenConfigurationIntegrationTests {

	private final HttpClient client = TestServer.client(null);

	@Test
	void aDigestKeyWithoutBracketsStopsStartupInsteadOfBecomingAPlaintextToken() throws Exception {
		String digest = sha256("the-admin-token");
		Throwable failure = catchThrowable(() -> {
			try (TestServer server = TestServer.start("http", "adapter.security.enabled=true",
					"adapter.security.tokens.{sha256}" + digest + "=admin", "adapter.security.roles.admin=*")) {
				int status = server
					.post(this.client, "/api/jsonrpc", call("secret", "{}"), "X-API-Key", "sha256" + digest)
					.status();
				throw new AssertionError("the server started; the digest's text as a token gets HTTP " + status);
			}
		});

		assertThat(failure).isNotInstanceOf(AssertionError.class);
		FailureAnalysis analysis = new AdapterSecurityFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		assertThat(analysis.getDescription()).contains("looks like a SHA-256 digest whose braces were lost")
			.doesNotContain(digest);
		assertThat(analysis.getAction()).contains("[{sha256}<hex>]").contains("token-list");
	}

	@Test
	void tokenListEntriesAuthenticateByDigestOrValueWithTheirNames() throws Exception {
		String digest = sha256("ci-secret");
		try (TestServer server = TestServer.start("http", "adapter.security.enabled=true",
				"adapter.security.token-list[0].name=ci", "adapter.security.token-list[0].sha256=" + digest,
				"adapter.security.token-list[0].roles=admin", "adapter.security.token-list[1].value=plain-secret",
				"adapter.security.token-list[1].roles=user", "adapter.security.roles.admin=*",
				"adapter.security.roles.user=whoami")) {
			TestServer.Reply ci = server.post(this.client, "/api/jsonrpc", call("whoami", "{}"), "X-API-Key",
					"ci-secret");
			TestServer.Reply plain = server.post(this.client, "/api/jsonrpc", call("whoami", "{}"), "X-API-Key",
					"plain-secret");

			assertThat(ci.json().path("result").path("principal").asString()).isEqualTo("token:ci");
			assertThat(ci.json().path("result").path("roles").toString()).isEqualTo("[\"admin\"]");
			assertThat(plain.json().path("result").path("principal").asString())
				.isEqualTo("token:" + sha256("plain-secret").substring(0, 6));
			assertThat(server.post(this.client, "/api/jsonrpc", call("whoami", "{}"), "X-API-Key", digest).status())
				.as("the digest itself is no token")
				.isEqualTo(401);
		}
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
