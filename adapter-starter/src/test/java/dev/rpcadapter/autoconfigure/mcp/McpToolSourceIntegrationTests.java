package dev.rpcadapter.autoconfigure.mcp;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.mcp.McpHttpRequest;
import dev.rpcadapter.mcp.McpTool;
import dev.rpcadapter.mcp.McpToolResult;
import dev.rpcadapter.mcp.McpToolSource;
import dev.rpcadapter.test.McpTestClient;
import dev.rpcadapter.test.SseEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** An {@link McpToolSource} bean beside the commands, on a real server over real HTTP. */
class McpToolSourceIntegrationTests {

	private static ConfigurableApplicationContext context;

	private static URI mcp;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(McpTestApplication.class, SourceConfiguration.class)
			.web(WebApplicationType.REACTIVE)
			.properties(Map.of("server.port", "0", "spring.main.banner-mode", "off", "logging.level.root", "WARN",
					"adapter.mcp.page-size", "3"))
			.run();
		mcp = URI
			.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort() + "/mcp");
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void toolsListPagesOverTheCommandsThenTheSourcesToolsAndALocalCommandWinsAClash() {
		McpTestClient client = new McpTestClient(mcp);
		client.initialize("2025-11-25");

		List<JsonNode> tools = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = client.call("tools/list", (cursor == null) ? Map.of() : Map.of("cursor", cursor))
				.path("result");
			assertThat(page.path("tools").size()).isLessThanOrEqualTo(3);
			page.path("tools").forEach(tools::add);
			cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
		}
		while (cursor != null);

		List<String> names = tools.stream().map((t) -> t.path("name").asString()).toList();
		assertThat(names).containsSubsequence("echo", "ext_hello", "ext_job").doesNotHaveDuplicates();
		JsonNode hello = tools.get(names.indexOf("ext_hello"));
		assertThat(hello.path("inputSchema").path("type").asString()).isEqualTo("object");
		assertThat(hello.path("inputSchema").path("properties").has("name")).isTrue();
		assertThat(tools.get(names.indexOf("ext_job")).path("execution").path("taskSupport").asString())
			.isEqualTo("optional");
		assertThat(tools.get(names.indexOf("echo")).path("description").asString()).isEqualTo("Echo a text");
	}

	@Test
	void callsGoToTheSourceAsValuesToolErrorsAndProtocolErrors() {
		McpTestClient client = new McpTestClient(mcp);
		client.initialize("2025-11-25");

		JsonNode hello = client.call("tools/call", Map.of("name", "ext_hello", "arguments", Map.of("name", "Ada")))
			.path("result");
		JsonNode failed = client.call("tools/call", Map.of("name", "ext_fail", "arguments", Map.of())).path("result");
		JsonNode refused = client.call("tools/call",
				Map.of("name", "ext_hello", "arguments", Map.of(), "task", Map.of()));
		JsonNode echo = client.call("tools/call", Map.of("name", "echo", "arguments", Map.of("text", "local")))
			.path("result");

		assertThat(hello.path("structuredContent").path("greeting").asString()).isEqualTo("hello Ada");
		assertThat(failed.path("isError").asBoolean()).isTrue();
		assertThat(failed.path("content").get(0).path("text").asString()).contains("out of greetings", "-32050");
		assertThat(refused.path("error").path("code").asInt()).isEqualTo(-32601);
		assertThat(echo.path("content").get(0).path("text").asString()).isEqualTo("local");
	}

	@Test
	void aSourcesTaskIsPolledByTasksGetAndTasksResult() {
		McpTestClient client = new McpTestClient(mcp);
		client.initialize("2025-11-25");

		JsonNode created = client.call("tools/call", Map.of("name", "ext_job", "arguments", Map.of(), "task", Map.of()))
			.path("result")
			.path("task");
		String taskId = created.path("taskId").asString();
		JsonNode result = client.call("tasks/result", Map.of("taskId", taskId)).path("result");
		JsonNode done = client.call("tasks/get", Map.of("taskId", taskId)).path("result");
		JsonNode plain = client.call("tools/call", Map.of("name", "ext_job", "arguments", Map.of())).path("result");

		assertThat(taskId).startsWith("ext-");
		assertThat(created.path("status").asString()).isEqualTo("working");
		assertThat(result.path("structuredContent").path("polls").asInt()).isEqualTo(3);
		assertThat(result.path("_meta").path("io.modelcontextprotocol/related-task").path("taskId").asString())
			.isEqualTo(taskId);
		assertThat(done.path("status").asString()).isEqualTo("completed");
		assertThat(done.path("statusMessage").asString()).isEqualTo("poll 3");
		assertThat(plain.path("structuredContent").path("polls").asInt()).isEqualTo(3);
	}

	@Test
	void aSourcesChangeIsAnnouncedOnTheGetStream() throws Exception {
		McpTestClient client = new McpTestClient(mcp);
		client.initialize("2025-11-25");
		HttpResponse<Stream<String>> stream = client.getStream(null);
		assertThat(stream.statusCode()).isEqualTo(200);

		try (Stream<String> lines = stream.body()) {
			CompletableFuture<List<String[]>> events = CompletableFuture.supplyAsync(() -> SseEvents.events(lines, 1));
			context.getBean(FakeSource.class).changes.tryEmitNext("changed");
			List<String[]> received = events.get(10, TimeUnit.SECONDS);
			assertThat(received.get(received.size() - 1)[1]).contains("notifications/tools/list_changed");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class SourceConfiguration {

		@Bean
		FakeSource fakeSource() {
			return new FakeSource();
		}

	}

	/**
	 * Tools {@code ext_hello}, {@code ext_fail}, {@code ext_job} (a task done at its
	 * third poll), and a clashing {@code echo}.
	 */
	static class FakeSource implements McpToolSource {

		private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

		final Sinks.Many<String> changes = Sinks.many().multicast().directBestEffort();

		private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();

		private final AtomicInteger ids = new AtomicInteger();

		@Override
		public Mono<List<McpTool>> tools(McpHttpRequest request) {
			ObjectNode named = NODES.objectNode();
			named.putObject("properties").putObject("name").put("type", "string");
			return Mono
				.just(List.of(new McpTool("echo", null, "A clash with the local echo", NODES.objectNode(), null, false),
						new McpTool("ext_hello", "Hello", "Greets", named, null, false),
						new McpTool("ext_fail", null, "Fails", NODES.objectNode(), null, false),
						new McpTool("ext_job", null, "Runs as a task", NODES.objectNode(), null, true)));
		}

		@Override
		public boolean hasTool(String name) {
			return name.startsWith("ext_") || "echo".equals(name);
		}

		@Override
		public Mono<McpToolResult> call(String name, ObjectNode arguments, boolean asTask, McpHttpRequest request) {
			if (asTask && !"ext_job".equals(name)) {
				return Mono.just(McpToolResult.refused(-32601, "no task support"));
			}
			return switch (name) {
				case "ext_hello" -> Mono.just(McpToolResult
					.value(NODES.objectNode().put("greeting", "hello " + arguments.path("name").asString())));
				case "ext_job" -> {
					String taskId = "ext-" + this.ids.incrementAndGet();
					this.polls.put(taskId, new AtomicInteger());
					yield Mono.just(McpToolResult.task(taskId));
				}
				default -> Mono.just(McpToolResult.failure(new JsonRpcError(-32050, "out of greetings", null)));
			};
		}

		@Override
		public boolean hasTask(String taskId) {
			return this.polls.containsKey(taskId);
		}

		@Override
		public Mono<JsonNode> task(String taskId, McpHttpRequest request) {
			int poll = Math.min(3, this.polls.get(taskId).incrementAndGet());
			ObjectNode job = NODES.objectNode()
				.put("job_id", taskId)
				.put("status", (poll < 3) ? "running" : "completed")
				.put("progress", 100 * poll / 3)
				.put("description", "poll " + poll)
				.put("created_at", "2026-01-01T00:00:00Z");
			if (poll == 3) {
				job.putObject("result").put("polls", poll);
			}
			return Mono.just(job);
		}

		@Override
		public Flux<?> changes() {
			return this.changes.asFlux();
		}

	}

}
