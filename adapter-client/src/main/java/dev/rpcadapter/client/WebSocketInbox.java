package dev.rpcadapter.client;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes incoming {@code /ws} frames: JSON-RPC responses to the pending call with the
 * same id, {@code subscribed} acknowledgements to the pending subscription, job events to
 * the job's listener. Independent of the socket, so it is tested without one.
 */
final class WebSocketInbox {

	private static final System.Logger LOGGER = System.getLogger(WebSocketInbox.class.getName());

	private final JsonMapper mapper;

	private final Map<String, CompletableFuture<JsonNode>> pendingCalls = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<Void>> pendingSubscriptions = new ConcurrentHashMap<>();

	private final Map<String, JobEventListener> listeners = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<JsonNode>> deliveries = new ConcurrentHashMap<>();

	WebSocketInbox(JsonMapper mapper) {
		this.mapper = mapper;
	}

	CompletableFuture<JsonNode> expectResponse(JsonNode id) {
		CompletableFuture<JsonNode> future = new CompletableFuture<>();
		this.pendingCalls.put(JsonRpcCodec.idKey(id), future);
		return future;
	}

	void forget(JsonNode id) {
		this.pendingCalls.remove(JsonRpcCodec.idKey(id));
	}

	CompletableFuture<Void> subscribe(String jobId, JobEventListener listener) {
		this.listeners.put(jobId, listener);
		return this.pendingSubscriptions.computeIfAbsent(jobId, (key) -> new CompletableFuture<>());
	}

	/** The delivery of an {@code /api/async} call, by deliver_id. */
	CompletableFuture<JsonNode> expectDelivery(String deliverId) {
		return this.deliveries.computeIfAbsent(deliverId, (key) -> new CompletableFuture<>());
	}

	void unsubscribe(String jobId) {
		this.listeners.remove(jobId);
		CompletableFuture<Void> ack = this.pendingSubscriptions.remove(jobId);
		if (ack != null) {
			ack.cancel(false);
		}
	}

	/** Handles one complete text message. */
	void accept(String text) {
		JsonNode message;
		try {
			message = this.mapper.readTree(text);
		}
		catch (JacksonException ex) {
			LOGGER.log(System.Logger.Level.WARNING, "Ignoring WebSocket frame that is not JSON");
			return;
		}
		if (message.isArray()) {
			message.forEach(this::acceptResponse);
		}
		else if (message.has("event")) {
			acceptEvent(message);
		}
		else {
			acceptResponse(message);
		}
	}

	/** Fails everything still waiting, e.g. when the connection closes. */
	void failAll(RuntimeException failure) {
		this.pendingCalls.values().forEach((future) -> future.completeExceptionally(failure));
		this.pendingCalls.clear();
		this.pendingSubscriptions.values().forEach((future) -> future.completeExceptionally(failure));
		this.pendingSubscriptions.clear();
		this.deliveries.values().forEach((future) -> future.completeExceptionally(failure));
		this.deliveries.clear();
	}

	private void acceptResponse(JsonNode response) {
		CompletableFuture<JsonNode> future = this.pendingCalls.remove(JsonRpcCodec.idKey(response.path("id")));
		if (future == null) {
			LOGGER.log(System.Logger.Level.DEBUG, "Ignoring WebSocket response without a pending call: {0}", response);
			return;
		}
		JsonNode error = response.get("error");
		if (error != null && error.isObject()) {
			future.completeExceptionally(RpcErrorException.of(RpcError.fromJson(error), 0, null));
		}
		else if (response.has("result")) {
			future.complete(response.get("result"));
		}
		else {
			future.completeExceptionally(
					new RpcProtocolException("JSON-RPC response has neither result nor error: " + response));
		}
	}

	private void acceptEvent(JsonNode message) {
		if (message.has("deliver_id")) {
			acceptDeliveryEvent(message);
			return;
		}
		String jobId = message.path("job_id").asString("");
		if ("subscribed".equals(message.path("event").asString(""))) {
			CompletableFuture<Void> ack = this.pendingSubscriptions.remove(jobId);
			if (ack != null) {
				ack.complete(null);
			}
			return;
		}
		JobEvent event = JobEvents.fromJson(message);
		JobEventListener listener = this.listeners.get(jobId);
		if (event != null && listener != null) {
			listener.onEvent(event);
		}
	}

	private void acceptDeliveryEvent(JsonNode message) {
		String deliverId = message.path("deliver_id").asString("");
		String event = message.path("event").asString("");
		if ("delivery".equals(event)) {
			CompletableFuture<JsonNode> future = this.deliveries.remove(deliverId);
			if (future != null) {
				future.complete(message.path("response"));
			}
		}
		else if ("error".equals(event) && message.path("error").isObject()) {
			CompletableFuture<JsonNode> future = this.deliveries.remove(deliverId);
			if (future != null) {
				future.completeExceptionally(RpcErrorException.of(RpcError.fromJson(message.get("error")), 0, null));
			}
		}
	}

}
