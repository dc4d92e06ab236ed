package dev.rpcadapter.autoconfigure.security;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-existence oracle: a caller probes names and tells "exists but not for me"
 * from "does not exist" by the answer. A command the caller may not call must answer
 * exactly like an unknown one, per call, per batch element, on every transport.
 */
class CommandExistenceOracleIntegrationTests {

	private static final String USER = "oracle-user-key";

	private static TestServer server;

	private final HttpClient client = TestServer.client(null);

	@BeforeAll
	static void start() {
		server = TestServer.start("http", "adapter.security.enabled=true", "adapter.security.tokens[" + USER + "]=user",
				"adapter.security.roles.user=add", "adapter.security.roles.admin=*");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void hiddenAndUnknownCommandsAnswerTheSameOverJsonRpc() throws Exception {
		JsonNode hidden = server.post(this.client, "/api/jsonrpc", call("secret", "{}"), "X-API-Key", USER).json();
		JsonNode unknown = server.post(this.client, "/api/jsonrpc", call("secreu", "{}"), "X-API-Key", USER).json();

		assertThat(hidden.path("error").path("code").asInt()).isEqualTo(-32601);
		assertSameAnswer(hidden, unknown);
	}

	@Test
	void hiddenAndUnknownCommandsAnswerTheSameInABatch() throws Exception {
		String batch = "[" + call("secret", "{}") + "," + call("secreu", "{}").replace("\"id\":1", "\"id\":2") + "]";
		JsonNode replies = server.post(this.client, "/api/jsonrpc/batch", batch, "X-API-Key", USER).json();

		assertThat(replies).hasSize(2);
		assertSameAnswer(replies.get(0).get("error"), replies.get(1).get("error"));
	}

	@Test
	void hiddenAndUnknownCommandsAnswerTheSameOverCmd() throws Exception {
		JsonNode hidden = server.post(this.client, "/cmd", "{\"command\":\"secret\"}", "X-API-Key", USER).json();
		JsonNode unknown = server.post(this.client, "/cmd", "{\"command\":\"secreu\"}", "X-API-Key", USER).json();

		assertThat(hidden.path("error").path("code").asInt()).isEqualTo(-32601);
		assertSameAnswer(hidden, unknown);
	}

	@Test
	void hiddenAndUnknownCommandsAnswerTheSameOverWebSocket() throws Exception {
		TokenSecurityIntegrationTests.Frames frames = new TokenSecurityIntegrationTests.Frames();
		WebSocket socket = this.client.newWebSocketBuilder()
			.header("X-API-Key", USER)
			.buildAsync(server.webSocketUri(), frames)
			.get(10, TimeUnit.SECONDS);
		try {
			socket.sendText(call("secret", "{}"), true).get(5, TimeUnit.SECONDS);
			JsonNode hidden = frames.next();
			socket.sendText(call("secreu", "{}"), true).get(5, TimeUnit.SECONDS);
			JsonNode unknown = frames.next();

			assertThat(hidden.path("error").path("code").asInt()).isEqualTo(-32601);
			assertSameAnswer(hidden, unknown);
		}
		finally {
			socket.abort();
		}
	}

	/** Equal but for the name the caller asked for (code, message, data and all). */
	private static void assertSameAnswer(JsonNode hidden, JsonNode unknown) {
		assertThat(hidden.toString().replace("secret", "secreu")).isEqualTo(unknown.toString());
	}

}
