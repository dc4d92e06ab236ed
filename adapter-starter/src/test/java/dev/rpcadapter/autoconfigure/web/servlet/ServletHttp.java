package dev.rpcadapter.autoconfigure.web.servlet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JDK HTTP/1.1 client for one test server (keep-alive: requests share connections). */
final class ServletHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	ServletHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	HttpResponse<String> post(String path, String body) {
		return post(path, "application/json", body);
	}

	HttpResponse<String> post(String path, String contentType, String body) {
		return send(request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Posts without a Content-Length: the body goes out chunked. */
	HttpResponse<String> postChunked(String path, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.build());
	}

	HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = request(path).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	HttpResponse<String> method(String method, String path) {
		return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
	}

	JsonNode rpc(String body) {
		return JSON.readTree(post("/api/jsonrpc", body).body());
	}

	URI webSocket() {
		return URI.create(this.base.replace("http:", "ws:") + "/ws");
	}

	HttpClient client() {
		return this.client;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(10));
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
