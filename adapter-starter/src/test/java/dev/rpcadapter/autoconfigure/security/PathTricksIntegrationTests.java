package dev.rpcadapter.autoconfigure.security;

import java.net.http.HttpClient;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path tricks against the authenticated routes: trailing or doubled slashes, dot
 * segments, percent encoding, case, matrix parameters. No variant reaches a command
 * without credentials: each is either not routed (404/405) or routed and authenticated
 * (401).
 */
class PathTricksIntegrationTests {

	private static TestServer server;

	private final HttpClient client = TestServer.client(null);

	@BeforeAll
	static void start() {
		server = TestServer.start("http", "adapter.security.enabled=true", "adapter.security.tokens[path-key]=user",
				"adapter.security.roles.user=add", "adapter.security.rate-limit.failed-authentication.enabled=false");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/jsonrpc/", "//api/jsonrpc", "/api//jsonrpc", "/api/%6Asonrpc", "/API/JSONRPC",
			"/api/jsonrpc;x=1", "/api/./jsonrpc", "/api/x/../jsonrpc", "/api/jsonrpc%2F", "/api/jsonrpc/batch/",
			"/cmd/", "//cmd", "/%63md", "/CMD", "/mcp/", "/api/jsonrpc/..;/cmd", "/api/async/" })
	void noPathVariantRunsACommandWithoutCredentials(String path) throws Exception {
		String body = path.toLowerCase().contains("cmd") ? "{\"command\":\"add\",\"params\":{\"a\":1,\"b\":2}}"
				: call("add", "{\"a\":1,\"b\":2}");
		TestServer.Reply reply = server.post(this.client, path, body);

		assertThat(reply.status()).as(path).isIn(List.of(400, 401, 404, 405));
		assertThat(reply.body()).as(path).doesNotContain("\"result\"").doesNotContain("Exception");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/jsonrpc", "/cmd" })
	void theExactRoutesAnswerWithCredentialsOnly(String path) throws Exception {
		String body = path.equals("/cmd") ? "{\"command\":\"add\",\"params\":{\"a\":1,\"b\":2}}"
				: call("add", "{\"a\":1,\"b\":2}");

		assertThat(server.post(this.client, path, body).status()).isEqualTo(401);
		assertThat(server.post(this.client, path, body, "X-API-Key", "path-key").body()).contains("3");
	}

}
