package dev.rpcadapter.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Speaks MCP Streamable HTTP to a test server with the JDK's HTTP client, keeping the
 * session id.
 */
public final class McpTestClient {

	/** The mapper the client reads and writes with. */
	public static final JsonMapper JSON = JsonMapper.builder().build();

	/** The revision {@link #initialize()} asks for. */
	public static final String LATEST_REVISION = "2025-11-25";

	private static final String JSON_OR_SSE = "application/json, text/event-stream";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI uri;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	private @Nullable String sessionId;

	/** A client of the MCP endpoint at this URI. */
	public McpTestClient(URI uri) {
		this.uri = uri;
	}

	/**
	 * A client of {@code http://127.0.0.1:<port>/mcp} sending {@code X-API-Key: token}
	 * (none when null).
	 */
	public McpTestClient(int port, @Nullable String token) {
		this(URI.create("http://127.0.0.1:" + port + "/mcp"));
		if (token != null) {
			header("X-API-Key", token);
		}
	}

	/** Sends this header with every request from now on. */
	public McpTestClient header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/**
	 * @return the session id the server assigned (null before initialize, or when
	 * stateless)
	 */
	public @Nullable String sessionId() {
		return this.sessionId;
	}

	/** Replaces the session id sent from now on (null: none). */
	public void sessionId(@Nullable String sessionId) {
		this.sessionId = sessionId;
	}

	/** {@code initialize} at the latest revision, failing unless answered with 200. */
	public JsonNode initialize() {
		return initialize(LATEST_REVISION);
	}

	/**
	 * {@code initialize}; keeps the session id and sends the protocol version from then
	 * on.
	 */
	public JsonNode initialize(String version) {
		return initialize(version, Map.of());
	}

	/**
	 * {@code initialize} declaring the client's capabilities ({@code sampling},
	 * {@code elicitation}, ...).
	 */
	public JsonNode initialize(String version, Map<String, Object> capabilities) {
		HttpResponse<String> response = post(request("initialize", Map.of("protocolVersion", version, "capabilities",
				capabilities, "clientInfo", Map.of("name", "test", "version", "1"))), "application/json");
		if (response.statusCode() != 200) {
			throw new AssertionError("initialize: " + response.statusCode() + " " + response.body());
		}
		this.sessionId = response.headers().firstValue("Mcp-Session-Id").orElse(null);
		JsonNode result = JSON.readTree(response.body()).get("result");
		this.headers.put("MCP-Protocol-Version", result.path("protocolVersion").asString());
		post(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"), "application/json");
		return result;
	}

	/** A JSON-RPC request with the next id. */
	public ObjectNode request(String method, Object params) {
		ObjectNode request = JSON.createObjectNode()
			.put("jsonrpc", "2.0")
			.put("id", this.ids.incrementAndGet())
			.put("method", method);
		request.set("params", JSON.valueToTree(params));
		return request;
	}

	/** A request answered as JSON: the whole response message. */
	public JsonNode call(String method, Object params) {
		HttpResponse<String> response = post(request(method, params));
		if (response.statusCode() != 200
				|| !response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
			throw new AssertionError(
					method + ": " + response.statusCode() + " " + response.headers() + " " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/** The result of a {@code tools/call}. */
	public JsonNode callTool(String name, Object arguments) {
		return call("tools/call", Map.of("name", name, "arguments", arguments)).path("result");
	}

	/** Every tool of {@code tools/list}, by name (all pages). */
	public Map<String, JsonNode> tools() {
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

	/** POSTs a message accepting JSON or an event stream. */
	public HttpResponse<String> post(Object message) {
		return post(message, JSON_OR_SSE);
	}

	/** POSTs a message with this {@code Accept} header. */
	public HttpResponse<String> post(Object message, String accept) {
		return send(
				builder().header("Content-Type", "application/json")
					.header("Accept", accept)
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))),
				HttpResponse.BodyHandlers.ofString());
	}

	/** POSTs a message, reading the answer line by line. */
	public HttpResponse<Stream<String>> postStreaming(Object message) {
		return send(
				builder().header("Content-Type", "application/json")
					.header("Accept", JSON_OR_SSE)
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))),
				HttpResponse.BodyHandlers.ofLines());
	}

	/** Opens the session's GET stream (answered once its headers arrive). */
	public HttpResponse<Stream<String>> openStream() {
		return getStream(null);
	}

	/** Opens the session's GET stream, resuming after an event id when given. */
	public HttpResponse<Stream<String>> getStream(@Nullable String lastEventId) {
		HttpRequest.Builder builder = builder().header("Accept", "text/event-stream").GET();
		if (lastEventId != null) {
			builder.header("Last-Event-ID", lastEventId);
		}
		return send(builder, HttpResponse.BodyHandlers.ofLines());
	}

	/** DELETEs the session. */
	public HttpResponse<String> delete() {
		return send(builder().DELETE(), HttpResponse.BodyHandlers.ofString());
	}

	/** A request to the endpoint with the client's headers and session id. */
	public HttpRequest.Builder builder() {
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri).timeout(Duration.ofSeconds(30));
		this.headers.forEach(builder::header);
		if (this.sessionId != null) {
			builder.header("Mcp-Session-Id", this.sessionId);
		}
		return builder;
	}

	/** Sends a request with the shared JDK client, unchecked. */
	public static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
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
