package dev.rpcadapter.autoconfigure.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal Chrome DevTools Protocol client on the JDK {@link WebSocket}: commands with
 * ids, responses matched by id, events ignored. Talks to the browser endpoint and to one
 * page through a flattened target session ({@code sessionId} on each message).
 */
final class DevToolsSession implements AutoCloseable {

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	private final WebSocket socket;

	private @Nullable String pageSession;

	private DevToolsSession(URI browserEndpoint) {
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(browserEndpoint, new Listener())
			.join();
	}

	/** Connects to the browser and opens one blank page to drive. */
	static DevToolsSession openPage(URI browserEndpoint) {
		DevToolsSession session = new DevToolsSession(browserEndpoint);
		String targetId = session.send("Target.createTarget", Map.of("url", "about:blank")).path("targetId").asString();
		session.pageSession = session.send("Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
			.path("sessionId")
			.asString();
		return session;
	}

	/**
	 * Sends a command to the page (or to the browser before a page is attached) and waits
	 * for its result.
	 */
	JsonNode send(String method, Map<String, ?> params) {
		long id = this.ids.incrementAndGet();
		ObjectNode message = this.mapper.createObjectNode().put("id", id).put("method", method);
		message.set("params", this.mapper.valueToTree(params));
		if (this.pageSession != null) {
			message.put("sessionId", this.pageSession);
		}
		CompletableFuture<JsonNode> response = new CompletableFuture<>();
		this.pending.put(id, response);
		synchronized (this.socket) {
			this.socket.sendText(this.mapper.writeValueAsString(message), true).join();
		}
		JsonNode reply = response.orTimeout(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
		if (reply.has("error")) {
			throw new IllegalStateException(method + " failed: " + reply.get("error"));
		}
		return reply.path("result");
	}

	/**
	 * Evaluates JavaScript in the page, awaiting a returned promise.
	 * @return the value (returned by value), a JSON {@code null} node for
	 * {@code undefined}
	 */
	JsonNode evaluate(String expression) {
		JsonNode result = send("Runtime.evaluate",
				Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
		if (result.has("exceptionDetails")) {
			throw new IllegalStateException("JavaScript failed: " + result.get("exceptionDetails") + "\n" + expression);
		}
		JsonNode value = result.path("result").get("value");
		return (value != null) ? value : this.mapper.nullNode();
	}

	@Override
	public void close() {
		this.socket.abort();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				JsonNode message = DevToolsSession.this.mapper.readTree(this.text.toString());
				this.text.setLength(0);
				JsonNode id = message.get("id");
				if (id != null) {
					CompletableFuture<JsonNode> response = DevToolsSession.this.pending.remove(id.asLong());
					if (response != null) {
						response.complete(message);
					}
				}
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			DevToolsSession.this.pending.values().forEach((response) -> response.completeExceptionally(error));
		}

	}

}
