package dev.rpcadapter.proxy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.proxy.ProxyIntegrationTests.CLIENT;
import static dev.rpcadapter.proxy.ProxyIntegrationTests.OTHER_REGISTRAR;
import static dev.rpcadapter.proxy.ProxyIntegrationTests.REGISTRAR;
import static dev.rpcadapter.proxy.ProxyIntegrationTests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks on the proxy's registration API, each performed against a real proxy over
 * real HTTP.
 */
class ProxyRegistrationSecurityIntegrationTests {

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void anotherIdentityCannotHijackARegisteredServerId() throws Exception {
		int proxy = proxy();
		assertThat(register(proxy, REGISTRAR, "alpha", "http://127.0.0.1:1111").statusCode()).isEqualTo(200);

		HttpResponse<String> hijack = register(proxy, OTHER_REGISTRAR, "alpha", "http://127.0.0.1:2222");
		HttpResponse<String> heartbeat = post(proxy, "/proxy/heartbeat", OTHER_REGISTRAR,
				"{\"server_id\":\"alpha\",\"server_url\":\"http://127.0.0.1:1111\"}");
		HttpResponse<String> unregister = post(proxy, "/unregister", OTHER_REGISTRAR,
				"{\"server_id\":\"alpha\",\"server_url\":\"http://127.0.0.1:1111\"}");

		assertError(hijack, 403, "SERVER_OWNED_BY_ANOTHER");
		assertError(heartbeat, 403, "SERVER_OWNED_BY_ANOTHER");
		assertError(unregister, 403, "SERVER_OWNED_BY_ANOTHER");
		assertThat(serverUrl(proxy, "alpha")).isEqualTo("http://127.0.0.1:1111");
		assertThat(register(proxy, REGISTRAR, "alpha", "http://127.0.0.1:3333").statusCode()).isEqualTo(200);
	}

	@Test
	void linkLocalMetadataAndLoopbackUrlsAreRefused() throws Exception {
		int proxy = proxy("proxy.server-urls.allow-loopback=false");

		for (String url : List.of("http://169.254.169.254", "http://169.254.169.254/latest/meta-data/",
				"http://[fe80::1]:8080", "http://metadata.google.internal", "http://2852039166",
				"http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080", "http://0.0.0.0:8080",
				"file:///etc/passwd", "http://user@10.1.2.3:8080")) {
			assertError(register(proxy, REGISTRAR, "ssrf", url), 400, "SERVER_URL_NOT_ALLOWED");
		}
		assertThat(ProxyIntegrationTests.ids(list(proxy))).isEmpty();
	}

	@Test
	void unregisterWithoutCredentialsIsRefused() throws Exception {
		int proxy = proxy();
		register(proxy, REGISTRAR, "alpha", "http://127.0.0.1:1111");

		HttpResponse<String> unregister = post(proxy, "/unregister", null,
				"{\"server_id\":\"alpha\",\"server_url\":\"http://127.0.0.1:1111\"}");

		assertError(unregister, 401, "AUTHENTICATION_REQUIRED");
		assertError(post(proxy, "/register", null, "{\"server_id\":\"x\",\"server_url\":\"http://127.0.0.1:1\"}"), 401,
				"AUTHENTICATION_REQUIRED");
		assertError(ProxyIntegrationTests.send(proxy, "/list", null, null), 401, "AUTHENTICATION_REQUIRED");
		assertError(ProxyIntegrationTests.send(proxy, "/list", null, "wrong"), 401, "AUTHENTICATION_REQUIRED");
		assertThat(ProxyIntegrationTests.ids(list(proxy))).containsExactly("alpha");
	}

	@Test
	void callerWithoutTheRegisterPermissionIsForbidden() throws Exception {
		int proxy = proxy();

		assertError(register(proxy, CLIENT, "alpha", "http://127.0.0.1:1111"), 403, "PERMISSION_DENIED");
		assertThat(ProxyIntegrationTests.ids(list(proxy))).isEmpty();
	}

	@Test
	void unregisterWithAnEmptyServerUrlIsRefused() throws Exception {
		int proxy = proxy();
		register(proxy, REGISTRAR, "alpha", "http://127.0.0.1:1111");

		assertError(post(proxy, "/unregister", REGISTRAR, "{\"server_id\":\"alpha\",\"server_url\":\"\"}"), 400,
				"INVALID_REQUEST");
		assertError(post(proxy, "/unregister", REGISTRAR, "{\"server_id\":\"alpha\"}"), 400, "INVALID_REQUEST");
		assertThat(ProxyIntegrationTests.ids(list(proxy))).containsExactly("alpha");
	}

	@Test
	void catalogueFloodStopsAtMaxServers() throws Exception {
		int proxy = proxy("proxy.max-servers=3");
		for (int i = 0; i < 3; i++) {
			assertThat(register(proxy, REGISTRAR, "s" + i, "http://127.0.0.1:100" + i).statusCode()).isEqualTo(200);
		}

		assertError(register(proxy, REGISTRAR, "s3", "http://127.0.0.1:1003"), 409, "CATALOGUE_FULL");
		assertThat(register(proxy, REGISTRAR, "s0", "http://127.0.0.1:1000").statusCode()).isEqualTo(200);
		assertThat(ProxyIntegrationTests.ids(list(proxy))).containsExactly("s0", "s1", "s2");
	}

	@Test
	void oversizedMetadataIsRefused() throws Exception {
		int proxy = proxy("proxy.max-registration-size=4KB");
		String body = "{\"server_id\":\"big\",\"server_url\":\"http://127.0.0.1:1\",\"metadata\":{\"junk\":\""
				+ "x".repeat(5000) + "\"}}";

		assertError(post(proxy, "/register", REGISTRAR, body), 413, "REGISTRATION_TOO_LARGE");
		assertThat(ProxyIntegrationTests.ids(list(proxy))).isEmpty();
	}

	@Test
	void unreachableServerErrorCarriesNoExceptionText() throws Exception {
		int proxy = proxy();
		register(proxy, REGISTRAR, "closed", "http://127.0.0.1:1");

		JsonNode help = ProxyIntegrationTests.rpc(proxy, "server_help", "{\"server_id\":\"closed\"}").get("error");
		JsonNode call = ProxyIntegrationTests.rpc(proxy, "call_server", "{\"server_id\":\"closed\",\"command\":\"x\"}")
			.get("error");

		for (JsonNode error : List.of(help, call)) {
			assertThat(error.get("message").asString()).isEqualTo("SERVER_UNAVAILABLE: server 'closed' did not answer");
			assertThat(error.get("data").propertyNames()).containsExactlyInAnyOrder("error_code", "server_id");
			assertThat(error.toString()).doesNotContainIgnoringCase("refused").doesNotContain("Exception");
		}
	}

	private int proxy(String... properties) {
		ConfigurableApplicationContext context = new ProxyIntegrationTests().proxy(properties);
		this.contexts.add(context);
		return ProxyIntegrationTests.port(context);
	}

	private static HttpResponse<String> register(int proxy, String token, String serverId, String url)
			throws Exception {
		return post(proxy, "/register", token, "{\"server_id\":\"" + serverId + "\",\"server_url\":\"" + url + "\"}");
	}

	private static HttpResponse<String> post(int proxy, String path, @Nullable String token, String body)
			throws Exception {
		return ProxyIntegrationTests.send(proxy, path, body, token);
	}

	private static JsonNode list(int proxy) throws Exception {
		return json.readTree(ProxyIntegrationTests.send(proxy, "/list", null, CLIENT).body());
	}

	private static String serverUrl(int proxy, String serverId) throws Exception {
		for (JsonNode server : list(proxy).get("servers")) {
			if (server.get("server_id").asString().equals(serverId)) {
				return server.get("server_url").asString();
			}
		}
		return "";
	}

	private static void assertError(HttpResponse<String> response, int status, String errorCode) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("error_code").asString()).as(response.body()).isEqualTo(errorCode);
		assertThat(response.body()).doesNotContain("Exception");
	}

}
