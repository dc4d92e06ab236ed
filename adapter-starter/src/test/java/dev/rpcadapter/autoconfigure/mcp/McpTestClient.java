package dev.rpcadapter.autoconfigure.mcp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Speaks MCP Streamable HTTP to a test server with the JDK's HTTP client, keeping the session id. */
public final class McpTestClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI uri;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	String sessionId;

	public McpTestClient(URI uri) {
		this.uri = uri;
	}

	McpTestClient header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/** {@code initialize}; keeps the session id and sends the protocol version from then on. */
	public JsonNode initialize(String version) {
		return initialize(version, Map.of());
	}

	/** {@code initialize} declaring the client's capabilities ({@code sampling}, {@code elicitation}, ...). */
	public JsonNode initialize(String version, Map<String, Object> capabilities) {
		HttpResponse<String> response = post(request("initialize", Map.of("protocolVersion", version,
				"capabilities", capabilities, "clientInfo", Map.of("name", "test", "version", "1"))), "application/json");
		this.sessionId = response.headers().firstValue("Mcp-Session-Id").orElse(null);
		JsonNode result = JSON.readTree(response.body()).get("result");
		this.headers.put("MCP-Protocol-Version", result.path("protocolVersion").asString());
		post(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"), "application/json");
		return result;
	}

	ObjectNode request(String method, Object params) {
		ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", this.ids.incrementAndGet())
			.put("method", method);
		request.set("params", JSON.valueToTree(params));
		return request;
	}

	/** A request answered as JSON: the whole response message. */
	public JsonNode call(String method, Object params) {
		HttpResponse<String> response = post(request(method, params), "application/json, text/event-stream");
		if (response.statusCode() != 200 || !response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
			throw new AssertionError(response.statusCode() + " " + response.headers() + " " + response.body());
		}
		return JSON.readTree(response.body());
	}

	HttpResponse<String> post(Object message, String accept) {
		return send(builder().header("Content-Type", "application/json").header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<Stream<String>> postStreaming(Object message) {
		return send(builder().header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))), HttpResponse.BodyHandlers.ofLines());
	}

	HttpResponse<Stream<String>> getStream(String lastEventId) {
		HttpRequest.Builder builder = builder().header("Accept", "text/event-stream").GET();
		if (lastEventId != null) {
			builder.header("Last-Event-ID", lastEventId);
		}
		return send(builder, HttpResponse.BodyHandlers.ofLines());
	}

	HttpResponse<String> delete() {
		return send(builder().DELETE(), HttpResponse.BodyHandlers.ofString());
	}

	HttpRequest.Builder builder() {
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri).timeout(Duration.ofSeconds(30));
		this.headers.forEach(builder::header);
		if (this.sessionId != null) {
			builder.header("Mcp-Session-Id", this.sessionId);
		}
		return builder;
	}

	/** The SSE events of a stream as (id, data) pairs, read until {@code count} events with data arrived. */
	static List<String[]> events(Stream<String> lines, int count) {
		List<String[]> events = new ArrayList<>();
		String[] current = { null, null };
		var it = lines.iterator();
		while (events.stream().filter((e) -> !e[1].isEmpty()).count() < count && it.hasNext()) {
			String line = it.next();
			if (line.startsWith("id: ")) {
				current[0] = line.substring(4);
			}
			else if (line.startsWith("data: ")) {
				current[1] = line.substring(6);
			}
			else if (line.isEmpty() && current[1] != null) {
				events.add(current.clone());
				current[0] = null;
				current[1] = null;
			}
		}
		return events;
	}

	static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
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
