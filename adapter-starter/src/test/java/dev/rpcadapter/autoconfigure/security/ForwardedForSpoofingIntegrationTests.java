package dev.rpcadapter.autoconfigure.security;

import java.net.http.HttpClient;

import org.junit.jupiter.api.Test;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client rotating {@code X-Forwarded-For} to get a fresh failed-authentication bucket
 * per request, against a server with Boot's forwarded-header support on (as on
 * Kubernetes).
 */
class ForwardedForSpoofingIntegrationTests {

	private static final String[] LIMITS = { "adapter.security.enabled=true", "server.forward-headers-strategy=native",
			"adapter.security.tokens.alice-key=user", "adapter.security.roles.user=add",
			"adapter.security.rate-limit.failed-authentication.burst=3",
			"adapter.security.rate-limit.failed-authentication.requests-per-second=0.01",
			// the same numbers for the request limit, where failures were counted before
			"adapter.security.rate-limit.enabled=true", "adapter.security.rate-limit.burst=3",
			"adapter.security.rate-limit.requests-per-second=0.01" };

	private final HttpClient client = TestServer.client(null);

	@Test
	void rotatingTheForwardedForHeaderDoesNotEscapeTheFailedAuthenticationLimit() throws Exception {
		try (TestServer server = TestServer.start("http", LIMITS)) {
			int firstLimited = -1;
			for (int i = 1; i <= 8 && firstLimited < 0; i++) {
				if (guess(server, "198.51.100." + i).status() == 429) {
					firstLimited = i;
				}
			}

			assertThat(firstLimited).as("refused after the burst of 3 failures").isEqualTo(4);
			TestServer.Reply valid = server.post(this.client, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":2}"),
					"X-API-Key", "alice-key", "X-Forwarded-For", "198.51.100.99");
			assertThat(valid.status()).as("a right guess in the flood is refused too").isEqualTo(429);
			assertThat(valid.errorCode()).isEqualTo(-32005);
			assertThat(server.get(this.client, "/health").status()).as("exempt paths stay open").isEqualTo(200);
		}
	}

	@Test
	void behindATrustedProxyTheAddressItAppendedCountsNotTheOneTheClientWrote() throws Exception {
		try (TestServer server = TestServer.start("http",
				with("adapter.security.rate-limit.trusted-proxies=127.0.0.1/32,::1"))) {
			for (int i = 1; i <= 3; i++) {
				assertThat(guess(server, "192.0.2." + i + ", 198.51.100.20").status()).isEqualTo(401);
			}

			assertThat(guess(server, "192.0.2.77, 198.51.100.20").status()).isEqualTo(429);
			assertThat(guess(server, "198.51.100.21").status()).as("another client behind the proxy").isEqualTo(401);
			assertThat(server
				.post(this.client, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":2}"), "X-API-Key", "alice-key",
						"X-Forwarded-For", "198.51.100.21")
				.status()).isEqualTo(200);
		}
	}

	private TestServer.Reply guess(TestServer server, String forwardedFor) throws Exception {
		return server.post(this.client, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":2}"), "X-API-Key", "wrong-key",
				"X-Forwarded-For", forwardedFor);
	}

	private static String[] with(String property) {
		String[] all = java.util.Arrays.copyOf(LIMITS, LIMITS.length + 1);
		all[LIMITS.length] = property;
		return all;
	}

}
