package dev.rpcadapter.proxy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.rpcadapter.test.McpTestClient;
import dev.rpcadapter.test.SseEvents;
import dev.rpcadapter.testserver.TestServerApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The proxy's {@code /mcp} as a gateway: the real proxy and real adapter servers on
 * random ports, an MCP client over real HTTP. {@code alpha} is open; {@code secure}
 * requires a token, the one the test's caller sends to the proxy (so it sees its tools
 * and calls them only if the proxy forwards it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayMcpIntegrationTests {

	/**
	 * A second caller of the proxy (role client) whose token the {@code secure} server
	 * does not know.
	 */
	static final String OTHER_CLIENT = "other-client-token-for-tests";

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private int proxy;

	@BeforeAll
	void start() {
		ConfigurableApplicationContext proxyContext = new ProxyIntegrationTests()
			.proxy("adapter.security.tokens[" + OTHER_CLIENT + "]=client");
		this.contexts.add(proxyContext);
		this.proxy = ProxyIntegrationTests.port(proxyContext);
		this.contexts.add(TestServerApplication.run(ProxyIntegrationTests.registration(this.proxy, "alpha")));
		this.contexts.add(TestServerApplication.run(concat(ProxyIntegrationTests.registration(this.proxy, "secure"),
				"adapter.security.enabled=true", "adapter.security.tokens[" + ProxyIntegrationTests.CLIENT + "]=user",
				"adapter.security.roles.user[0]=*")));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ProxyIntegrationTests
				.ids(ProxyIntegrationTests.rpc(this.proxy, "list_servers", "{}").get("result"))
				.containsAll(List.of("alpha", "secure")));
	}

	@AfterAll
	void close() {
		for (int i = this.contexts.size() - 1; i >= 0; i--) {
			this.contexts.get(i).close();
		}
	}

	@Test
	void toolsListShowsEveryRegisteredServersCommandsWithTheirSchemas() {
		McpTestClient client = client(ProxyIntegrationTests.CLIENT);
		JsonNode initialized = client.initialize();

		Map<String, JsonNode> tools = client.tools();

		assertThat(initialized.path("capabilities").path("tools").path("listChanged").asBoolean()).isTrue();
		JsonNode add = tools.get("alpha__add");
		assertThat(add).isNotNull();
		assertThat(add.path("description").asString()).contains("Add two numbers");
		assertThat(add.path("inputSchema").path("type").asString()).isEqualTo("object");
		assertThat(add.path("inputSchema").path("properties").propertyNames()).contains("a", "b");
		assertThat(tools.get("alpha__count_to").path("execution").path("taskSupport").asString()).isEqualTo("optional");
		assertThat(add.has("execution")).isFalse();
		assertThat(tools).containsKeys("secure__whoami", "secure__add", "call_server", "list_servers");
	}

	@Test
	void toolsCallIsRoutedToTheServerAndAnswersItsResult() {
		McpTestClient client = client(ProxyIntegrationTests.CLIENT);
		client.initialize();

		JsonNode sum = client.callTool("alpha__add", Map.of("a", 2, "b", 3));
		JsonNode slow = client.callTool("alpha__slow_add", Map.of("a", 4, "b", 5));

		assertThat(sum.path("content").get(0).path("text").asString()).isEqualTo("5");
		assertThat(sum.has("isError")).isFalse();
		assertThat(slow.path("content").get(0).path("text").asString()).isEqualTo("9");
	}

	@Test
	void aFailingCommandIsAToolErrorAndAnUnknownToolAProtocolError() {
		McpTestClient client = client(ProxyIntegrationTests.CLIENT);
		client.initialize();

		JsonNode refused = client.callTool("alpha__refuse", Map.of());
		JsonNode invalid = client.callTool("alpha__add", Map.of("a", "x", "b", 1));
		JsonNode missing = client.call("tools/call", Map.of("name", "alpha__nope", "arguments", Map.of()));
		JsonNode noServer = client.call("tools/call", Map.of("name", "ghost__add", "arguments", Map.of()));

		assertThat(refused.path("isError").asBoolean()).isTrue();
		assertThat(refused.path("content").get(0).path("text").asString()).contains("refused on purpose", "-32010");
		assertThat(invalid.path("isError").asBoolean()).isTrue();
		assertThat(invalid.path("content").get(0).path("text").asString()).contains("- a:", "-32602");
		assertThat(missing.path("error").path("code").asInt()).isEqualTo(-32602);
		assertThat(noServer.path("error").path("code").asInt()).isEqualTo(-32602);
	}

	@Test
	void theCallersCredentialsAreForwardedToTheServer() {
		McpTestClient client = client(ProxyIntegrationTests.CLIENT);
		client.initialize();
		McpTestClient other = client(OTHER_CLIENT);
		other.initialize();

		JsonNode whoami = client.callTool("secure__whoami", Map.of());
		Map<String, JsonNode> othersTools = other.tools();
		JsonNode othersCall = other.callTool("secure__whoami", Map.of());

		assertThat(whoami.has("isError")).as("%s", whoami).isFalse();
		assertThat(whoami.path("structuredContent").path("roles").toString()).contains("user");
		// the secure server does not know the other caller's token: no tools listed, a
		// call is refused there
		assertThat(othersTools).containsKey("alpha__add").doesNotContainKey("secure__whoami");
		assertThat(othersCall.path("isError").asBoolean()).isTrue();
		assertThat(othersCall.path("content").get(0).path("text").asString()).contains("-32001");
	}

	@Test
	void aQueuedCommandIsATaskPolledToCompletion() {
		McpTestClient client = client(ProxyIntegrationTests.CLIENT);
		client.initialize();

		JsonNode task = client
			.call("tools/call", Map.of("name", "alpha__count_to", "arguments", Map.of("n", 5), "task", Map.of()))
			.path("result")
			.path("task");
		String taskId = task.path("taskId").asString();

		assertThat(taskId).startsWith("alpha__");
		assertThat(task.path("status").asString()).isIn("working", "completed");
		JsonNode done = await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> client.call("tasks/get", Map.of("taskId", taskId)).path("result"),
					(t) -> !"working".equals(t.path("status").asString()));
		assertThat(done.path("status").asString()).isEqualTo("completed");
		assertThat(done.path("statusMessage").asString()).isEqualTo("counted 5 of 5");
		JsonNode result = client.call("tasks/result", Map.of("taskId", taskId)).path("result");
		assertThat(result.path("structuredContent").path("counted").asInt()).isEqualTo(5);
		assertThat(result.path("_meta").path("io.modelcontextprotocol/related-task").path("taskId").asString())
			.isEqualTo(taskId);
		McpTestClient other = client(OTHER_CLIENT);
		other.initialize();
		assertThat(other.call("tasks/get", Map.of("taskId", taskId)).path("error").path("code").asInt())
			.isEqualTo(-32602);
	}

	@Test
	void aPlainCallOfAQueuedCommandWaitsForItsJob() {
		McpTestClient client = client(ProxyIntegrationTests.CLIENT);
		client.initialize();

		JsonNode result = client.callTool("alpha__count_to", Map.of("n", 3));

		assertThat(result.path("structuredContent").path("counted").asInt()).isEqualTo(3);
		assertThat(result.has("isError")).isFalse();
	}

	@Test
	void aTaskOfACommandThatIsNotQueuedIsRefused() {
		McpTestClient client = client(ProxyIntegrationTests.CLIENT);
		client.initialize();

		JsonNode answer = client.call("tools/call",
				Map.of("name", "alpha__add", "arguments", Map.of("a", 1, "b", 2), "task", Map.of()));

		assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32601);
	}

	@Test
	void aServerThatUnregistersIsAnnouncedOnTheGetStreamAndItsToolsAreGone() throws Exception {
		ConfigurableApplicationContext gamma = TestServerApplication
			.run(ProxyIntegrationTests.registration(this.proxy, "gamma"));
		McpTestClient client = client(ProxyIntegrationTests.CLIENT);
		try {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> ProxyIntegrationTests
					.ids(ProxyIntegrationTests.rpc(this.proxy, "list_servers", "{}").get("result"))
					.contains("gamma"));
			client.initialize();
			assertThat(client.tools()).containsKey("gamma__add");
			HttpResponse<Stream<String>> stream = client.openStream();
			assertThat(stream.statusCode()).isEqualTo(200);
			try (Stream<String> lines = stream.body()) {
				CompletableFuture<String> event = CompletableFuture
					.supplyAsync(() -> SseEvents.awaitEvent(lines.iterator(), "notifications/tools/list_changed"));

				gamma.close(); // unregisters before its listener closes

				assertThat(event.get(10, TimeUnit.SECONDS)).contains("\"method\":\"notifications/tools/list_changed\"");
			}
			assertThat(client.tools()).doesNotContainKey("gamma__add").containsKey("alpha__add");
		}
		finally {
			gamma.close();
		}
	}

	@Test
	void aServerThatRegistersAndOneDroppedAsStaleAreAnnouncedOnTheGetStream() throws Exception {
		McpTestClient client = client(ProxyIntegrationTests.CLIENT);
		client.initialize();
		HttpResponse<Stream<String>> stream = client.openStream();
		assertThat(stream.statusCode()).isEqualTo(200);
		try (Stream<String> lines = stream.body()) {
			var iterator = lines.iterator();
			CompletableFuture<List<String>> events = CompletableFuture.supplyAsync(() -> {
				List<String> seen = new ArrayList<>();
				seen.add(SseEvents.awaitEvent(iterator, "notifications/tools/list_changed"));
				seen.add(SseEvents.awaitEvent(iterator, "notifications/tools/list_changed"));
				return seen;
			});

			// registered, and never a heartbeat: dropped after 3 x 200 ms
			assertThat(ProxyIntegrationTests
				.send(this.proxy, "/register", "{\"server_id\":\"silent\",\"server_url\":\"http://127.0.0.1:1\"}",
						ProxyIntegrationTests.REGISTRAR)
				.statusCode()).isEqualTo(200);

			assertThat(events.get(10, TimeUnit.SECONDS)).hasSize(2).doesNotContainNull();
		}
		assertThat(ProxyIntegrationTests.ids(ProxyIntegrationTests.rpc(this.proxy, "list_servers", "{}").get("result")))
			.doesNotContain("silent");
	}

	@Test
	void theGatewayIsBehindTheProxysAuthenticatorAndRoles() {
		HttpResponse<String> anonymous = client(null)
			.post(Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize", "params", Map.of("protocolVersion",
					"2025-11-25", "capabilities", Map.of(), "clientInfo", Map.of("name", "x", "version", "1"))));
		McpTestClient registrar = client(ProxyIntegrationTests.REGISTRAR);
		registrar.initialize();

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
		// a registrar's roles do not allow call_server: it sees no server's tools and
		// cannot call them
		assertThat(registrar.tools().keySet()).noneMatch((name) -> name.contains("__"));
		assertThat(registrar.call("tools/call", Map.of("name", "alpha__add", "arguments", Map.of("a", 1, "b", 2)))
			.path("error")
			.path("code")
			.asInt()).isEqualTo(-32602);
	}

	private McpTestClient client(String token) {
		return new McpTestClient(this.proxy, token);
	}

	private static String[] concat(String[] first, String... more) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

}
