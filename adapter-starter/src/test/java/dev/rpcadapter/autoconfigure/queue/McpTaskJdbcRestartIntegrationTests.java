package dev.rpcadapter.autoconfigure.queue;

import java.util.Map;

import dev.rpcadapter.test.McpTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An MCP task is the queue's job: with the JDBC store it survives a restart of the
 * server.
 */
class McpTaskJdbcRestartIntegrationTests {

	private static PostgresSchema schema;

	@BeforeAll
	static void createSchema() {
		schema = PostgresSchema.create("it_mcp_task_restart");
	}

	@AfterAll
	static void dropSchema() {
		schema.close();
	}

	@Test
	void tasksGetStillAnswersAfterARestart() {
		String taskId;
		try (QueueServer first = QueueServer.start(schema.properties())) {
			McpTestClient client = new McpTestClient(first.uri("/mcp"));
			client.initialize("2025-11-25");
			JsonNode created = client
				.call("tools/call", Map.of("name", "q_echo", "arguments", Map.of("text", "durable"), "task", Map.of()))
				.path("result")
				.path("task");
			taskId = created.path("taskId").asString();
			JsonNode result = client.call("tasks/result", Map.of("taskId", taskId)).path("result");
			assertThat(result.path("content").get(0).path("text").asString()).isEqualTo("durable");
		}
		try (QueueServer second = QueueServer.start(schema.properties())) {
			McpTestClient client = new McpTestClient(second.uri("/mcp"));
			client.initialize("2025-11-25");
			JsonNode task = client.call("tasks/get", Map.of("taskId", taskId)).path("result");
			assertThat(task.path("taskId").asString()).isEqualTo(taskId);
			assertThat(task.path("status").asString()).isEqualTo("completed");
			JsonNode result = client.call("tasks/result", Map.of("taskId", taskId)).path("result");
			assertThat(result.path("content").get(0).path("text").asString()).isEqualTo("durable");
		}
	}

}
