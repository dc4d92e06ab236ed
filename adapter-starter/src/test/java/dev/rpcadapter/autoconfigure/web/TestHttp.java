package dev.rpcadapter.autoconfigure.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A small JDK HTTP client for the integration tests. */
final class TestHttp {

	static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	TestHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	HttpResponse<String> post(String path, String body) {
		return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	/** Posts without a Content-Length: the body goes out chunked. */
	HttpResponse<String> postChunked(String path, String body) {
		return send(request(path)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes())))
			.build());
	}

	HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	/** Posts a JSON-RPC body and expects HTTP 200 with a JSON body. */
	JsonNode rpc(String body) {
		return rpc("/api/jsonrpc", body);
	}

	JsonNode rpc(String path, String body) {
		HttpResponse<String> response = post(path, body);
		assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(200);
		assertJsonContentType(response);
		assertNoLeak(response.body());
		return mapper.readTree(response.body());
	}

	static void assertJsonContentType(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
	}

	static void assertNoLeak(String body) {
		assertThat(body).doesNotContain("Exception")
			.doesNotContain("at dev.")
			.doesNotContain("java.")
			.doesNotContain("secret");
	}

	static void assertError(JsonNode response, int code) {
		assertThat(response.isObject()).as(response.toString()).isTrue();
		assertThat(response.get("jsonrpc").asString()).isEqualTo("2.0");
		assertThat(response.has("result")).as(response.toString()).isFalse();
		assertThat(response.get("error").get("code").asInt()).as(response.toString()).isEqualTo(code);
		assertThat(response.get("error").get("message").isString()).isTrue();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json");
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
