package dev.rpcadapter.proxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Speaks MCP Streamable HTTP to the proxy's {@code /mcp} with the JDK's HTTP client, keeping the session id. */
final class McpTestClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI uri;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	private @Nullable String sessionId;

	/** A client of {@code http://127.0.0.1:<port>/mcp} sending {@code X-API-Key: token} (none when null). */
	McpTestClient(int port, @Nullable String token) {
		this.uri = URI.create("http://127.0.0.1:" + port + "/mcp");
		if (token != null) {
			this.headers.put("X-API-Key", token);
		}
	}

	/** {@code initialize} and {@code notifications/initialized}; keeps the session id and revision. */
	JsonNode initialize() {
		HttpResponse<String> response = post(request("initialize", Map.of("protocolVersion", "2025-11-25",
				"capabilities", Map.of(), "clientInfo", Map.of("name", "gateway-test", "version", "1"))));
		if (response.statusCode() != 200) {
			throw new AssertionError("initialize: " + response.statusCode() + " " + response.body());
		}
		this.sessionId = response.headers().firstValue("Mcp-Session-Id").orElse(null);
		JsonNode result = JSON.readTree(response.body()).get("result");
		this.headers.put("MCP-Protocol-Version", result.path("protocolVersion").asString());
		post(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
		return result;
	}

	/** A request answered as JSON: the whole response message. */
	JsonNode call(String method, Object params) {
		HttpResponse<String> response = post(request(method, params));
		if (response.statusCode() != 200) {
			throw new AssertionError(method + ": " + response.statusCode() + " " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/** The result of a {@code tools/call}. */
	JsonNode callTool(String name, Object arguments) {
		return call("tools/call", Map.of("name", name, "arguments", arguments)).path("result");
	}

	/** Every tool of {@code tools/list}, by name (all pages). */
	Map<String, JsonNode> tools() {
		Map<String, JsonNode> tools = new LinkedHashMap<>();
		String cursor = null;
		do {
			JsonNode result = call("tools/list", (cursor == null) ? Map.of() : Map.of("cursor", cursor)).path("result");
			result.path("tools").forEach((tool) -> tools.put(tool.path("name").asString(), tool));
			cursor = result.path("nextCursor").isString() ? result.path("nextCursor").asString() : null;
		}
		while (cursor != null);
		return tools;
	}

	HttpResponse<String> post(Object message) {
		return send(builder().header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))), HttpResponse.BodyHandlers.ofString());
	}

	/** Opens the session's GET stream (answered once its headers arrive). */
	HttpResponse<Stream<String>> openStream() {
		return send(builder().header("Accept", "text/event-stream").GET(), HttpResponse.BodyHandlers.ofLines());
	}

	/** Reads SSE lines until an event whose data contains {@code text}; that data (null when the stream ended). */
	static @Nullable String awaitEvent(Iterator<String> lines, String text) {
		while (lines.hasNext()) {
			String line = lines.next();
			if (line.startsWith("data: ") && line.contains(text)) {
				return line.substring(6);
			}
		}
		return null;
	}

	private ObjectNode request(String method, Object params) {
		ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", this.ids.incrementAndGet())
			.put("method", method);
		request.set("params", JSON.valueToTree(params));
		return request;
	}

	private HttpRequest.Builder builder() {
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri).timeout(Duration.ofSeconds(20));
		this.headers.forEach(builder::header);
		if (this.sessionId != null) {
			builder.header("Mcp-Session-Id", this.sessionId);
		}
		return builder;
	}

	private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
		try {
			return HTTP.send(request.build(), handler);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
