package dev.rpcadapter.autoconfigure.mcp;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.rpcadapter.test.McpTestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /mcp} checks {@code Origin} against {@code adapter.security.allowed-origins},
 * unless {@code adapter.mcp.allowed-origins} is set.
 */
class McpOriginsIntegrationTests {

	private static int initializeFrom(McpTestServer server, String origin) {
		McpTestClient client = server.client().header("Origin", origin);
		HttpResponse<String> response = client.post(
				Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize", "params", Map.of("protocolVersion",
						"2025-11-25", "capabilities", Map.of(), "clientInfo", Map.of("name", "t", "version", "1"))),
				"application/json, text/event-stream");
		return response.statusCode();
	}

	@Test
	void theSecurityListAllowsOriginsOnMcpToo() {
		try (McpTestServer server = McpTestServer
			.start(Map.of("adapter.security.allowed-origins", "https://console.example.com"))) {
			assertThat(initializeFrom(server, "https://console.example.com")).isEqualTo(200);
			assertThat(initializeFrom(server, "https://evil.example.com")).isEqualTo(403);
			assertThat(initializeFrom(server, "http://localhost:5173")).isEqualTo(200);
		}
	}

	@Test
	void theMcpListReplacesTheSecurityListForMcp() {
		try (McpTestServer server = McpTestServer.start(Map.of("adapter.security.allowed-origins",
				"https://console.example.com", "adapter.mcp.allowed-origins", "https://agent.example.com"))) {
			assertThat(initializeFrom(server, "https://agent.example.com")).isEqualTo(200);
			assertThat(initializeFrom(server, "https://console.example.com")).isEqualTo(403);
		}
	}

}
