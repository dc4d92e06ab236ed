package dev.rpcadapter.autoconfigure.mcp;

import java.util.Map;

import dev.rpcadapter.test.McpTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code adapter.mcp.stateless: true} (no sessions, for load balancers) and paging of
 * lists.
 */
class McpStatelessIntegrationTests {

	private static McpTestServer server;

	@BeforeAll
	static void start() {
		server = McpTestServer.start(Map.of("adapter.mcp.stateless", "true", "adapter.mcp.page-size", "2"));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void worksWithoutSessionsAndRefusesTheGetStream() {
		McpTestClient client = server.client();
		JsonNode init = client.initialize("2025-11-25");
		assertThat(client.sessionId()).isNull();
		assertThat(init.path("capabilities").path("tools").path("listChanged").asBoolean()).isFalse();
		JsonNode echo = client.call("tools/call", Map.of("name", "echo", "arguments", Map.of("text", "lb")))
			.path("result");
		assertThat(echo.path("content").get(0).path("text").asString()).isEqualTo("lb");
		// a fresh client that never initialized works too: any node behind a balancer can
		// answer
		JsonNode direct = server.client().call("ping", Map.of());
		assertThat(direct.path("result").isObject()).isTrue();
		assertThat(client.getStream(null).statusCode()).isEqualTo(405);
		assertThat(client.delete().statusCode()).isEqualTo(405);
	}

	@Test
	void toolsListPagesWithACursor() {
		McpTestClient client = server.client();
		JsonNode first = client.call("tools/list", Map.of()).path("result");
		assertThat(first.path("tools").size()).isEqualTo(2);
		JsonNode second = client.call("tools/list", Map.of("cursor", first.path("nextCursor").asString()))
			.path("result");
		assertThat(second.path("tools").get(0).path("name").asString())
			.isNotEqualTo(first.path("tools").get(0).path("name").asString());
		assertThat(client.call("tools/list", Map.of("cursor", "bogus")).path("error").path("code").asInt())
			.isEqualTo(-32602);
	}

}
