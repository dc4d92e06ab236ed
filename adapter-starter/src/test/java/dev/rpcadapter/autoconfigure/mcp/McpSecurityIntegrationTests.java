package dev.rpcadapter.autoconfigure.mcp;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.rpcadapter.test.McpTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /mcp behind the adapter's token security: 401, tools filtered per role, sessions owned
 * by their principal.
 */
class McpSecurityIntegrationTests {

	private static McpTestServer server;

	@BeforeAll
	static void start() {
		server = McpTestServer.start(Map.of("adapter.security.enabled", "true", "adapter.security.tokens[admin-key]",
				"admin", "adapter.security.tokens[user-key]", "user", "adapter.security.tokens[other-key]", "user",
				"adapter.security.roles.admin", "*", "adapter.security.roles.user", "echo,steps,queue_*"));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void withoutATokenTheAnswerIs401WithWwwAuthenticate() {
		McpTestClient anonymous = server.client();
		HttpResponse<String> response = anonymous
			.post(anonymous.request("initialize", Map.of("protocolVersion", "2025-11-25")), "application/json");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((v) -> assertThat(v).startsWith("Bearer"));
		assertThat(response.body()).contains("-32001");
		assertThat(server.client().header("X-API-Key", "wrong").getStream(null).statusCode()).isEqualTo(401);
	}

	@Test
	void toolsAreFilteredPerRoleAndForbiddenOnesLookUnknown() {
		McpTestClient user = server.client().header("Authorization", "Bearer user-key");
		user.initialize("2025-11-25");
		JsonNode tools = user.call("tools/list", Map.of()).path("result").path("tools");
		assertThat(McpIntegrationTests.tool(tools, "echo").isMissingNode()).isFalse();
		assertThat(McpIntegrationTests.tool(tools, "add").isMissingNode()).isTrue();
		JsonNode forbidden = user.call("tools/call", Map.of("name", "add", "arguments", Map.of("a", 1, "b", 2)));
		assertThat(forbidden.path("error").path("code").asInt()).isEqualTo(-32602);
		assertThat(forbidden.path("error").path("message").asString()).isEqualTo("Unknown tool: add");
		McpTestClient admin = server.client().header("X-API-Key", "admin-key");
		admin.initialize("2025-11-25");
		assertThat(McpIntegrationTests.tool(admin.call("tools/list", Map.of()).path("result").path("tools"), "add")
			.isMissingNode()).isFalse();
	}

	@Test
	void aSessionBelongsToThePrincipalThatOpenedIt() {
		McpTestClient admin = server.client().header("X-API-Key", "admin-key");
		admin.initialize("2025-11-25");
		McpTestClient user = server.client().header("X-API-Key", "user-key");
		user.sessionId(admin.sessionId());
		user.header("MCP-Protocol-Version", "2025-11-25");
		assertThat(user.post(user.request("ping", Map.of()), "application/json").statusCode()).isEqualTo(404);
		assertThat(user.delete().statusCode()).isEqualTo(404);
		assertThat(admin.call("ping", Map.of()).path("result").isObject()).isTrue();
	}

	@Test
	void tasksAreOwnedLikeJobs() {
		McpTestClient user = server.client().header("X-API-Key", "user-key");
		user.initialize("2025-11-25");
		String taskId = user
			.call("tools/call",
					Map.of("name", "steps", "arguments", Map.of("steps", 1, "step_ms", 0), "task", Map.of()))
			.path("result")
			.path("task")
			.path("taskId")
			.asString();
		McpTestClient other = server.client().header("X-API-Key", "other-key");
		other.initialize("2025-11-25");
		assertThat(other.call("tasks/get", Map.of("taskId", taskId)).path("error").path("code").asInt())
			.isEqualTo(-32602);
		assertThat(other.call("resources/read", Map.of("uri", "job://" + taskId)).path("error").path("code").asInt())
			.isEqualTo(-32002);
		assertThat(other.call("tasks/list", Map.of()).path("result").path("tasks").toString()).doesNotContain(taskId);
		assertThat(user.call("tasks/get", Map.of("taskId", taskId)).path("result").path("taskId").asString())
			.isEqualTo(taskId);
	}

}
