package dev.rpcadapter.autoconfigure.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;

import dev.rpcadapter.test.TestCertificates;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link SecureTestApplication} on a random port and JDK {@link HttpClient} calls to
 * it.
 */
final class TestServer implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConfigurableApplicationContext context;

	private final String baseUrl;

	private TestServer(ConfigurableApplicationContext context, String scheme) {
		this.context = context;
		this.baseUrl = scheme + "://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	static TestServer start(String scheme, String... properties) {
		return start(List.of(), scheme, properties);
	}

	/** Starts a {@link SecureTestApplication} with more configuration classes. */
	static TestServer start(List<Class<?>> sources, String scheme, String... properties) {
		return start(WebApplicationType.REACTIVE, sources, scheme, properties);
	}

	/**
	 * Starts a {@link SecureTestApplication} of the given type (a servlet application
	 * runs on Tomcat).
	 */
	static TestServer start(WebApplicationType type, List<Class<?>> sources, String scheme, String... properties) {
		List<String> all = new ArrayList<>(
				List.of("server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN"));
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SecureTestApplication.class)
			.sources(sources.toArray(Class<?>[]::new))
			.web(type)
			.properties(all.toArray(String[]::new))
			.run();
		return new TestServer(context, scheme);
	}

	/**
	 * Starts an HTTPS server with the certificates' server bundle and the given
	 * client-auth mode.
	 */
	static TestServer startTls(TestCertificates certificates, String clientAuth, String... properties) {
		return startTls(WebApplicationType.REACTIVE, certificates, clientAuth, properties);
	}

	static TestServer startTls(WebApplicationType type, TestCertificates certificates, String clientAuth,
			String... properties) {
		List<String> all = new ArrayList<>(List.of(certificates.serverBundle(clientAuth)));
		all.addAll(List.of(properties));
		return start(type, List.of(), "https", all.toArray(String[]::new));
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	URI webSocketUri() {
		return URI.create(this.baseUrl.replaceFirst("^http", "ws") + "/ws");
	}

	static HttpClient client(@Nullable SSLContext tls) {
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5));
		if (tls != null) {
			builder.sslContext(tls);
		}
		return builder.build();
	}

	Reply post(HttpClient client, String path, String body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return Reply.of(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
	}

	Reply get(HttpClient client, String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return Reply.of(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
	}

	static String call(String method, String params) {
		return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** A response: status, headers and the body (parsed when it is JSON). */
	record Reply(int status, HttpResponse<String> response) {

		static Reply of(HttpResponse<String> response) {
			return new Reply(response.statusCode(), response);
		}

		String body() {
			return this.response.body();
		}

		JsonNode json() {
			return JSON.readTree(this.response.body());
		}

		@Nullable String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		int errorCode() {
			return json().path("error").path("code").asInt();
		}
	}

}
