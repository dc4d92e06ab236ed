package dev.rpcadapter.client;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link RpcWebSocketSession} on the JDK {@link WebSocket}. Sends are chained, because
 * the JDK socket allows only one outstanding send.
 */
final class DefaultWebSocketSession implements RpcWebSocketSession {

	private final JsonRpcCodec codec;

	private final WebSocketInbox inbox;

	private final URI target;

	private final Duration requestTimeout;

	private final AtomicLong ids = new AtomicLong();

	private @Nullable WebSocket socket;

	private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

	DefaultWebSocketSession(JsonRpcCodec codec, WebSocketInbox inbox, URI target, Duration requestTimeout) {
		this.codec = codec;
		this.inbox = inbox;
		this.target = target;
		this.requestTimeout = requestTimeout;
	}

	void attach(WebSocket socket) {
		this.socket = socket;
	}

	@Override
	public CompletableFuture<JsonNode> call(String method, @Nullable Object params) {
		ObjectNode request = this.codec.request(method, params, this.ids.incrementAndGet());
		JsonNode id = request.get("id");
		CompletableFuture<JsonNode> response = this.inbox.expectResponse(id);
		send(request).whenComplete((ignored, failure) -> {
			if (failure != null) {
				this.inbox.forget(id);
				response.completeExceptionally(TransportFailures.describe(failure, this.target));
			}
		});
		CompletableFuture<JsonNode> bounded = withTimeout(response, "response to " + method);
		bounded.whenComplete((result, failure) -> this.inbox.forget(id));
		return bounded;
	}

	@Override
	public CompletableFuture<Void> notify(String method, @Nullable Object params) {
		return send(this.codec.request(method, params, null));
	}

	@Override
	public CompletableFuture<Void> subscribe(String jobId, JobEventListener listener) {
		Objects.requireNonNull(listener, "listener");
		CompletableFuture<Void> ack = this.inbox.subscribe(requireJobId(jobId), listener);
		send(control("subscribe", jobId)).whenComplete((ignored, failure) -> {
			if (failure != null) {
				ack.completeExceptionally(TransportFailures.describe(failure, this.target));
			}
		});
		return withTimeout(ack, "subscription acknowledgement for job " + jobId);
	}

	@Override
	public CompletableFuture<Void> unsubscribe(String jobId) {
		this.inbox.unsubscribe(requireJobId(jobId));
		return send(control("unsubscribe", jobId));
	}

	@Override
	public CompletableFuture<JsonNode> awaitDelivery(String deliverId) {
		CompletableFuture<JsonNode> delivery = this.inbox.expectDelivery(requireJobId(deliverId));
		ObjectNode message = this.codec.mapper().createObjectNode();
		message.put("action", "subscribe");
		message.put("deliver_id", deliverId);
		send(message).whenComplete((ignored, failure) -> {
			if (failure != null) {
				delivery.completeExceptionally(TransportFailures.describe(failure, this.target));
			}
		});
		return delivery;
	}

	@Override
	public boolean isOpen() {
		WebSocket current = this.socket;
		return current != null && !current.isOutputClosed() && !current.isInputClosed();
	}

	@Override
	public void close() {
		WebSocket current = this.socket;
		if (current != null && !current.isOutputClosed()) {
			current.sendClose(WebSocket.NORMAL_CLOSURE, "client closed").exceptionally((failure) -> null);
		}
		this.inbox.failAll(new RpcTransportException("WebSocket session closed by the client", null));
	}

	private ObjectNode control(String action, String jobId) {
		ObjectNode message = this.codec.mapper().createObjectNode();
		message.put("action", action);
		message.put("job_id", jobId);
		return message;
	}

	private synchronized CompletableFuture<Void> send(JsonNode message) {
		WebSocket current = this.socket;
		if (current == null || current.isOutputClosed()) {
			return Futures.failed(new RpcTransportException("WebSocket " + this.target + " is closed", null));
		}
		String text = this.codec.mapper().writeValueAsString(message);
		CompletableFuture<Void> sent = this.lastSend.handle((ignored, failure) -> null)
			.thenCompose((ignored) -> current.sendText(text, true))
			.thenApply((socket) -> null);
		this.lastSend = sent;
		return sent;
	}

	private <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future, String what) {
		CompletableFuture<T> bounded = new CompletableFuture<>();
		future.whenComplete((value, failure) -> {
			if (failure != null) {
				bounded.completeExceptionally(TransportFailures.unwrap(failure));
			}
			else {
				bounded.complete(value);
			}
		});
		CompletableFuture.delayedExecutor(this.requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
			.execute(() -> bounded.completeExceptionally(new RpcTransportException(
					"No " + what + " on " + this.target + " within the request timeout", null)));
		return bounded;
	}

	private static String requireJobId(String jobId) {
		if (jobId == null || jobId.isBlank()) {
			throw new IllegalArgumentException("jobId must not be blank");
		}
		return jobId;
	}

}
