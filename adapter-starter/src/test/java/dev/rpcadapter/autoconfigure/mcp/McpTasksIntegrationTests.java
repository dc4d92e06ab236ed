package dev.rpcadapter.autoconfigure.mcp;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import dev.rpcadapter.test.McpTestClient;
import dev.rpcadapter.test.SseEvents;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queued commands over MCP: waiting with progress over SSE, resumption, tasks, job
 * resources, cancellation.
 */
class McpTasksIntegrationTests {

	private static McpTestServer server;

	@BeforeAll
	static void start() {
		server = McpTestServer.start(Map.of("adapter.mcp.queued-call-wait", "2s"));
	}

	@AfterAll
	static void stop() {
		server.tools().gate.countDown();
		server.close();
	}

	private static McpTestClient client() {
		McpTestClient client = server.client();
		client.initialize("2025-11-25");
		return client;
	}

	@Test
	void aQueuedCallWithAProgressTokenStreamsProgressThenTheResult() {
		McpTestClient client = client();
		ObjectNode call = client.request("tools/call", Map.of("name", "steps", "arguments",
				Map.of("steps", 4, "step_ms", 50), "_meta", Map.of("progressToken", "p1")));
		HttpResponse<Stream<String>> response = client.postStreaming(call);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		List<String[]> events;
		try (Stream<String> lines = response.body()) {
			events = SseEvents.events(lines, 100);
		}
		List<JsonNode> messages = events.stream()
			.filter((e) -> !e[1].isEmpty())
			.map((e) -> McpTestClient.JSON.readTree(e[1]))
			.toList();
		assertThat(messages).anySatisfy((m) -> {
			assertThat(m.path("method").asString()).isEqualTo("notifications/progress");
			assertThat(m.path("params").path("progressToken").asString()).isEqualTo("p1");
			assertThat(m.path("params").path("total").asInt()).isEqualTo(100);
		});
		JsonNode last = messages.get(messages.size() - 1);
		assertThat(last.path("id").asInt()).isEqualTo(call.path("id").asInt());
		assertThat(last.path("result").path("content").get(0).path("text").asString()).isEqualTo("4");
		assertThat(events).allSatisfy((e) -> assertThat(e[0]).matches("[0-9a-z]+-[0-9]+"));
	}

	@Test
	void aQueuedCallWithoutStreamingWaitsAndAnswersJson() {
		JsonNode result = client()
			.call("tools/call", Map.of("name", "steps", "arguments", Map.of("steps", 2, "step_ms", 10)))
			.path("result");
		assertThat(result.path("content").get(0).path("text").asString()).isEqualTo("2");
	}

	@Test
	void aQueuedCallPastTheWaitAnswersWithTheJobToPoll() {
		server.tools().gate = new CountDownLatch(1);
		JsonNode result = client().call("tools/call", Map.of("name", "gated")).path("result");
		String jobId = result.path("structuredContent").path("job_id").asString();
		assertThat(jobId).isNotBlank();
		assertThat(result.path("content").get(0).path("text").asString()).contains(jobId)
			.contains("queue_get_job_status");
		server.tools().gate.countDown();
	}

	@Test
	void aDroppedStreamIsResumedWithLastEventId() {
		McpTestClient client = client();
		ObjectNode call = client.request("tools/call", Map.of("name", "steps", "arguments",
				Map.of("steps", 5, "step_ms", 150), "_meta", Map.of("progressToken", 7)));
		String lastSeen;
		try (Stream<String> lines = client.postStreaming(call).body()) {
			List<String[]> first = SseEvents.events(lines, 1);
			lastSeen = first.get(first.size() - 1)[0];
		}
		HttpResponse<Stream<String>> resumed = client.getStream(lastSeen);
		assertThat(resumed.statusCode()).isEqualTo(200);
		List<String[]> rest;
		try (Stream<String> lines = resumed.body()) {
			rest = SseEvents.events(lines, 100);
		}
		assertThat(rest).isNotEmpty().allSatisfy((e) -> assertThat(e[0]).isNotEqualTo(lastSeen));
		JsonNode last = McpTestClient.JSON.readTree(rest.get(rest.size() - 1)[1]);
		assertThat(last.path("result").path("content").get(0).path("text").asString()).isEqualTo("5");
	}

	@Test
	void aTaskAugmentedCallCreatesATaskThatIsTheJob() {
		McpTestClient client = client();
		JsonNode task = client
			.call("tools/call",
					Map.of("name", "steps", "arguments", Map.of("steps", 2, "step_ms", 10), "task",
							Map.of("ttl", 60000)))
			.path("result")
			.path("task");
		String taskId = task.path("taskId").asString();
		assertThat(task.path("status").asString()).isEqualTo("working");
		assertThat(task.path("createdAt").asString()).endsWith("Z");
		JsonNode result = client.call("tasks/result", Map.of("taskId", taskId)).path("result");
		assertThat(result.path("content").get(0).path("text").asString()).isEqualTo("2");
		assertThat(result.path("_meta").path("io.modelcontextprotocol/related-task").path("taskId").asString())
			.isEqualTo(taskId);
		assertThat(client.call("tasks/get", Map.of("taskId", taskId)).path("result").path("status").asString())
			.isEqualTo("completed");
		JsonNode job = client
			.call("tools/call", Map.of("name", "queue_get_job_status", "arguments", Map.of("job_id", taskId)))
			.path("result")
			.path("structuredContent");
		assertThat(job.path("status").asString()).isEqualTo("completed");
		assertThat(client.call("tasks/list", Map.of()).path("result").path("tasks").toString()).contains(taskId);
		assertThat(client.call("tasks/cancel", Map.of("taskId", taskId)).path("error").path("code").asInt())
			.isEqualTo(-32602);
		assertThat(client.call("tasks/get", Map.of("taskId", "nope")).path("error").path("code").asInt())
			.isEqualTo(-32602);
	}

	@Test
	void tasksCancelStopsTheJob() {
		server.tools().gate = new CountDownLatch(1);
		McpTestClient client = client();
		String taskId = client.call("tools/call", Map.of("name", "gated", "task", Map.of()))
			.path("result")
			.path("task")
			.path("taskId")
			.asString();
		JsonNode cancelled = client.call("tasks/cancel", Map.of("taskId", taskId)).path("result");
		assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");
	}

	@Test
	void cancelledNotificationStopsAWaitingQueuedCall() throws Exception {
		server.tools().gate = new CountDownLatch(1);
		McpTestClient client = client();
		ObjectNode call = client.request("tools/call", Map.of("name", "gated"));
		CompletableFuture<HttpResponse<String>> answer = CompletableFuture
			.supplyAsync(() -> client.post(call, "application/json"));
		McpTestClient admin = client;
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> runningGated(admin));
		client.post(Map.of("jsonrpc", "2.0", "method", "notifications/cancelled", "params",
				Map.of("requestId", call.path("id").asInt(), "reason", "user")), "application/json");
		HttpResponse<String> response = answer.get(10, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(response.body()).contains("-32800");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !runningGated(admin));
	}

	private static boolean runningGated(McpTestClient client) {
		JsonNode jobs = client
			.call("tools/call",
					Map.of("name", "queue_list_jobs", "arguments",
							Map.of("status_filter", "running", "command", "gated")))
			.path("result")
			.path("structuredContent");
		return jobs.path("jobs").size() > 0;
	}

	@Test
	void jobsAreResourcesThatCanBeReadAndSubscribedTo() {
		McpTestClient client = client();
		JsonNode templates = client.call("resources/templates/list", Map.of()).path("result");
		assertThat(templates.path("resourceTemplates").get(0).path("uriTemplate").asString())
			.isEqualTo("job://{job_id}");
		HttpResponse<Stream<String>> stream = client.getStream(null);
		String taskId = client
			.call("tools/call",
					Map.of("name", "steps", "arguments", Map.of("steps", 3, "step_ms", 200), "task", Map.of()))
			.path("result")
			.path("task")
			.path("taskId")
			.asString();
		String uri = "job://" + taskId;
		assertThat(client.call("resources/subscribe", Map.of("uri", uri)).path("result").isObject()).isTrue();
		try (Stream<String> lines = stream.body()) {
			List<String[]> events = SseEvents.events(lines, 1);
			assertThat(events.get(events.size() - 1)[1]).contains("notifications/resources/updated").contains(uri);
		}
		JsonNode contents = client.call("resources/read", Map.of("uri", uri)).path("result").path("contents").get(0);
		assertThat(contents.path("mimeType").asString()).isEqualTo("application/json");
		assertThat(McpTestClient.JSON.readTree(contents.path("text").asString()).path("job_id").asString())
			.isEqualTo(taskId);
		assertThat(client.call("resources/list", Map.of()).path("result").path("resources").toString()).contains(uri);
		assertThat(client.call("resources/read", Map.of("uri", "job://nope")).path("error").path("code").asInt())
			.isEqualTo(-32002);
	}

}
