package dev.rpcadapter.proxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.rpcadapter.testserver.OwnNettyResources;
import dev.rpcadapter.testserver.TestServerApplication;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reference proxy and an adapter server, both real, on random ports, over real HTTP.
 */
class ProxyIntegrationTests {

	static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The token of the test servers that register (role registrar of the proxy's
	 * application.yml).
	 */
	static final String REGISTRAR = "registrar-token-for-tests";

	/** The token of another registering identity. */
	static final String OTHER_REGISTRAR = "other-registrar-token-for-tests";

	/** The token of the tests' calls to the proxy (role client). */
	static final String CLIENT = "client-token-for-tests";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@AfterEach
	void close() {
		for (int i = this.contexts.size() - 1; i >= 0; i--) {
			this.contexts.get(i).close();
		}
	}

	@Test
	void registeredServerIsListedOnListServersAndListServersCommand() throws Exception {
		int proxy = port(proxy());
		server(proxy, "alpha");

		await().atMost(Duration.ofSeconds(5)).until(() -> ids(get(proxy, "/list")).contains("alpha"));

		JsonNode entry = get(proxy, "/servers").get("servers").get(0);
		assertThat(entry.propertyNames()).contains("server_id", "server_url", "capabilities", "metadata",
				"registered_at", "last_heartbeat", "uuid");
		JsonNode listed = rpc(proxy, "list_servers", "{}").get("result");
		assertThat(listed.get("total").asInt()).isEqualTo(1);
		assertThat(listed.get("servers").get(0).get("server_id").asString()).isEqualTo("alpha");
	}

	@Test
	void callServerReturnsTheServersResult() throws Exception {
		int proxy = port(proxy());
		server(proxy, "alpha");
		await().atMost(Duration.ofSeconds(5)).until(() -> ids(get(proxy, "/list")).contains("alpha"));

		JsonNode answer = rpc(proxy, "call_server",
				"{\"server_id\":\"alpha\",\"command\":\"add\",\"params\":{\"a\":2,\"b\":3}}");
		JsonNode slow = rpc(proxy, "call_server",
				"{\"server_id\":\"alpha\",\"command\":\"slow_add\",\"params\":[4,5]}");

		assertThat(answer.get("result").asInt()).isEqualTo(5);
		assertThat(slow.get("result").asInt()).isEqualTo(9);
	}

	@Test
	void callServerPassesTheServersErrorThroughUnchanged() throws Exception {
		int proxy = port(proxy());
		server(proxy, "alpha");
		await().atMost(Duration.ofSeconds(5)).until(() -> ids(get(proxy, "/list")).contains("alpha"));

		JsonNode refused = rpc(proxy, "call_server", "{\"server_id\":\"alpha\",\"command\":\"refuse\"}").get("error");
		JsonNode missing = rpc(proxy, "call_server", "{\"server_id\":\"alpha\",\"command\":\"nope\"}").get("error");
		JsonNode invalid = rpc(proxy, "call_server",
				"{\"server_id\":\"alpha\",\"command\":\"add\",\"params\":{\"a\":\"x\",\"b\":1}}")
			.get("error");

		assertThat(refused.get("code").asInt()).isEqualTo(-32010);
		assertThat(refused.get("message").asString()).isEqualTo("refused on purpose");
		assertThat(refused.get("data").get("reason").asString()).isEqualTo("test");
		assertThat(missing.get("code").asInt()).isEqualTo(-32601);
		assertThat(invalid.get("code").asInt()).isEqualTo(-32602);
		assertThat(invalid.get("data").get("errors").get(0).get("param").asString()).isEqualTo("a");
	}

	@Test
	void unknownServerIsServerNotFound() throws Exception {
		int proxy = port(proxy());

		JsonNode error = rpc(proxy, "call_server", "{\"server_id\":\"ghost\",\"command\":\"add\"}").get("error");

		assertThat(error.get("code").asInt()).isEqualTo(-32000);
		assertThat(error.get("data").get("error_code").asString()).isEqualTo("SERVER_NOT_FOUND");
	}

	@Test
	void serverHelpReturnsTheServersCommandsNotTheProxysHelp() throws Exception {
		int proxy = port(proxy());
		server(proxy, "alpha");
		await().atMost(Duration.ofSeconds(5)).until(() -> ids(get(proxy, "/list")).contains("alpha"));

		JsonNode commands = rpc(proxy, "server_help", "{\"server_id\":\"alpha\"}").get("result");
		JsonNode add = rpc(proxy, "server_help", "{\"server_id\":\"alpha\",\"command\":\"add\"}").get("result");
		JsonNode ownHelp = rpc(proxy, "help", "{}").get("result");

		assertThat(commands.propertyNames()).contains("add", "refuse", "registration_status");
		assertThat(add.get("description").asString()).isEqualTo("Add two numbers");
		assertThat(ownHelp.get("commands").propertyNames()).contains("call_server", "server_help", "list_servers")
			.doesNotContain("add");
	}

	@Test
	void duplicateRegisterWithTheSameUrlIsAlreadyRegistered() throws Exception {
		int proxy = port(proxy());
		String body = "{\"server_id\":\"manual\",\"server_url\":\"http://127.0.0.1:1\",\"capabilities\":[],"
				+ "\"metadata\":{},\"uuid\":\"u\"}";

		HttpResponse<String> first = post(proxy, "/register", body);
		HttpResponse<String> second = post(proxy, "/register", body);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(json.readTree(first.body()).get("already_registered").asBoolean()).isFalse();
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(json.readTree(second.body()).get("already_registered").asBoolean()).isTrue();
		assertThat(post(proxy, "/proxy/heartbeat", "{\"server_id\":\"other\",\"server_url\":\"x\"}").statusCode())
			.isEqualTo(404);
	}

	@Test
	void stoppedServerDisappearsAtOnce() throws Exception {
		int proxy = port(proxy());
		ConfigurableApplicationContext server = server(proxy, "alpha");
		await().atMost(Duration.ofSeconds(5)).until(() -> ids(get(proxy, "/list")).contains("alpha"));

		server.close();

		assertThat(ids(get(proxy, "/list"))).doesNotContain("alpha");
	}

	@Test
	void silentServerIsDroppedAfterMissedHeartbeats() throws Exception {
		int proxy = port(proxy());
		post(proxy, "/register", "{\"server_id\":\"silent\",\"server_url\":\"http://127.0.0.1:1\"}");
		assertThat(ids(get(proxy, "/list"))).contains("silent");
		long registeredAt = System.nanoTime();

		await().atMost(Duration.ofSeconds(3)).until(() -> !ids(get(proxy, "/list")).contains("silent"));

		// 3 missed heartbeats of 200ms: never before 600ms
		assertThat(Duration.ofNanos(System.nanoTime() - registeredAt)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
	}

	@Test
	void restartedProxyLearnsTheServerAgainWithoutAServerRestart() throws Exception {
		ConfigurableApplicationContext first = proxy();
		int proxy = port(first);
		server(proxy, "alpha");
		await().atMost(Duration.ofSeconds(5)).until(() -> ids(get(proxy, "/list")).contains("alpha"));

		first.close();
		this.contexts.remove(first);
		proxy("server.port=" + proxy);

		await().atMost(Duration.ofSeconds(3)).until(() -> ids(get(proxy, "/list")).contains("alpha"));
		assertThat(
				rpc(proxy, "call_server", "{\"server_id\":\"alpha\",\"command\":\"add\",\"params\":{\"a\":1,\"b\":1}}")
					.get("result")
					.asInt())
			.isEqualTo(2);
	}

	ConfigurableApplicationContext proxy(String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ProxyApplication.class,
				OwnNettyResources.class)
			.web(WebApplicationType.REACTIVE)
			.run(TestServerApplication.args(
					List.of("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
							"proxy.heartbeat-interval=200ms", "proxy.missed-heartbeats=3", "proxy.call-timeout=5s",
							"adapter.security.tokens[" + REGISTRAR + "]=registrar",
							"adapter.security.tokens[" + OTHER_REGISTRAR + "]=registrar",
							"adapter.security.tokens[" + CLIENT + "]=client", "proxy.server-urls.allow-loopback=true"),
					properties));
		this.contexts.add(context);
		return context;
	}

	private ConfigurableApplicationContext server(int proxyPort, String serverId) {
		ConfigurableApplicationContext context = TestServerApplication.run(registration(proxyPort, serverId));
		this.contexts.add(context);
		return context;
	}

	/**
	 * A test server's properties to register with the proxy on this port, with the
	 * {@link #REGISTRAR} token.
	 */
	static String[] registration(int proxyPort, String serverId) {
		String base = "http://127.0.0.1:" + proxyPort;
		return new String[] { "adapter.registration.enabled=true", "adapter.registration.server-id=" + serverId,
				"adapter.registration.register-url=" + base + "/register",
				"adapter.registration.unregister-url=" + base + "/unregister",
				"adapter.registration.heartbeat-url=" + base + "/proxy/heartbeat",
				"adapter.registration.api-key=" + REGISTRAR };
	}

	static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.get("servers").forEach((server) -> ids.add(server.get("server_id").asString()));
		return ids;
	}

	private JsonNode get(int port, String path) throws Exception {
		return json.readTree(send(port, path, null, CLIENT).body());
	}

	private HttpResponse<String> post(int port, String path, String body) throws Exception {
		return send(port, path, body, REGISTRAR);
	}

	/**
	 * GET (no body) or POST a JSON body, with {@code X-API-Key: token} unless it is null.
	 */
	static HttpResponse<String> send(int port, String path, @Nullable String body, @Nullable String token)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(5));
		if (body != null) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
		}
		if (token != null) {
			request.header("X-API-Key", token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static JsonNode rpc(int port, String method, String params) throws Exception {
		String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}";
		return json.readTree(send(port, "/api/jsonrpc", body, CLIENT).body());
	}

}
