package dev.rpcadapter.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.support.ErrorIds;
import dev.rpcadapter.dispatch.AsyncDeliveries;
import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.dispatch.JobEventSource;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.jsonrpc.JsonRpcId;
import dev.rpcadapter.jsonrpc.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

/**
 * One {@code /ws} connection, independent of the server that carries it: the transport
 * hands it each text frame ({@link #onMessage}) and sends what {@link #frames()} emits.
 * JSON-RPC messages get the same answers as over HTTP; control messages subscribe to job
 * events, which are pushed as they happen; a queued command called over the socket
 * subscribes it to its job. Every message is admitted by the authenticator first
 * (credentials re-checked, rate limits).
 * <p>
 * Frames wait in a bounded queue for the client to read them: a client that lets more
 * pile up, whose credentials expire or are revoked, or whose session outlives its
 * lifetime ends the session: {@link #frames()} completes and {@link #closeReason()} says
 * why; the transport then closes the connection with
 * {@link SocketSessions#POLICY_VIOLATION}.
 */
public final class SocketSession {

	private final SocketSessions owner;

	private final Sinks.Many<String> outbound;

	/** Completes when the session is to be closed with {@link #closeReason}. */
	private final Sinks.One<Void> closing = Sinks.one();

	private volatile @Nullable String closeReason;

	private volatile @Nullable Disposable deadline;

	private final Map<String, Disposable> subscriptions = new ConcurrentHashMap<>();

	private final AdapterRequest request;

	private final Caller caller;

	private final RequestAuthenticator authenticator;

	SocketSession(SocketSessions owner, AdapterRequest request, Caller caller, RequestAuthenticator authenticator) {
		this.owner = owner;
		this.outbound = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(owner.maxQueuedFrames));
		this.request = request;
		this.caller = caller;
		this.authenticator = authenticator;
	}

	/**
	 * The frames to send, in order, as the transport requests them; completes when the
	 * session ends (closed by the transport, or to be closed with
	 * {@link #closeReason()}). One subscriber.
	 */
	public Flux<String> frames() {
		return this.outbound.asFlux().takeUntilOther(this.closing.asMono());
	}

	/**
	 * Why the session is to be closed with status 1008, or {@code null} while it is not.
	 */
	public @Nullable String closeReason() {
		return this.closeReason;
	}

	/** Closes the session at the instant (at once when it has passed). */
	void closeAt(Instant at, String reason) {
		Duration delay = Duration.between(Instant.now(), at);
		this.deadline = Mono.delay(delay.isNegative() ? Duration.ZERO : delay).subscribe((tick) -> closeWith(reason));
	}

	/**
	 * Stops answering and ends {@link #frames()} once the queued frames are out; the
	 * reason goes with status 1008.
	 */
	void closeWith(String reason) {
		synchronized (this.outbound) {
			if (this.closeReason != null) {
				return;
			}
			this.closeReason = reason;
			this.subscriptions.values().forEach(Disposable::dispose);
			this.closing.tryEmitEmpty();
		}
	}

	/**
	 * Handles one text frame; the returned {@code Mono} completes when its answers are
	 * emitted.
	 */
	public Mono<Void> onMessage(String text) {
		if (this.closeReason != null) {
			return Mono.empty(); // closing: nothing more is answered
		}
		JsonRpcDispatcher dispatcher = this.owner.dispatcher;
		JsonNode node;
		try {
			// read once, under the dispatcher's limits, for both control messages and
			// JSON-RPC
			node = dispatcher.read(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (JsonRpcException ex) {
			emit(new String(dispatcher.writeError(ex.error()), StandardCharsets.UTF_8));
			return Mono.empty();
		}
		return this.authenticator.admitMessage(this.request, this.caller)
			.thenReturn(true)
			.onErrorResume(AdapterHttpException.class, (ex) -> Mono.fromSupplier(() -> refused(node, ex)))
			.flatMap((admitted) -> admitted ? admitted(node) : Mono.empty());
	}

	private Mono<Void> admitted(JsonNode node) {
		if (isControl(node)) {
			control(node);
			return Mono.empty();
		}
		List<String> submitted = new ArrayList<>();
		var address = this.request.remoteAddress();
		CallContext context = new CallContext(this.caller, "ws", address != null ? address.getHostString() : null,
				(jobId) -> {
					synchronized (submitted) {
						submitted.add(jobId);
					}
				}, this.request::baseUrl);
		return this.owner.dispatcher.handle(node, context)
			.doOnNext((bytes) -> emit(new String(bytes, StandardCharsets.UTF_8)))
			.then(Mono.fromRunnable(() -> {
				synchronized (submitted) {
					submitted.forEach((jobId) -> subscribe(jobId, false, false));
				}
			}));
	}

	/**
	 * Answers a message the authenticator did not admit (rate limits count every message,
	 * a batch as one, like an HTTP request): the refusal's error for each call in it that
	 * expects an answer, or an {@code error} event for a control message. Credentials no
	 * longer valid (401) also close the session with 1008.
	 * @return {@code false}
	 */
	private boolean refused(JsonNode message, AdapterHttpException ex) {
		refuse(message, ex);
		if (ex.status() == 401) {
			closeWith(ex.error().message()); // the credentials are no longer valid
		}
		return false;
	}

	private void refuse(JsonNode message, AdapterHttpException ex) {
		if (isControl(message)) {
			JsonNode jobId = message.get("job_id");
			event("error", (jobId != null && jobId.isString()) ? jobId.asString() : null, ex.error());
			return;
		}
		List<String> answers = new ArrayList<>();
		if (message.isArray()) {
			message.forEach((call) -> refusal(call, ex.error(), answers));
		}
		else {
			refusal(message, ex.error(), answers);
		}
		if (!answers.isEmpty()) {
			emit(message.isArray() ? "[" + String.join(",", answers) + "]" : answers.get(0));
		}
	}

	private void refusal(JsonNode call, JsonRpcError error, List<String> answers) {
		JsonNode id = call.isObject() ? call.get("id") : null;
		if (call.isObject() && id == null) {
			return; // a notification gets no answer
		}
		JsonRpcId rpcId = (id != null) ? JsonRpcId.fromNode(id) : null;
		JsonRpcResponse response = JsonRpcResponse.failure((rpcId != null) ? rpcId : JsonRpcId.NULL, error);
		answers.add(new String(this.owner.dispatcher.write(response), StandardCharsets.UTF_8));
	}

	/** A subscribe/unsubscribe message rather than JSON-RPC. */
	private static boolean isControl(JsonNode message) {
		return message.isObject() && message.has("action");
	}

	private void control(JsonNode message) {
		String action = message.path("action").asString("");
		if (message.has("deliver_id")) {
			deliveryControl(action, message.get("deliver_id"));
			return;
		}
		JsonNode jobId = message.get("job_id");
		if (jobId == null || !jobId.isString()) {
			event("error", null, JsonRpcError.invalidRequest("job_id (a string) is required"));
			return;
		}
		switch (action) {
			case "subscribe" -> subscribe(jobId.asString(), true, message.path("logs").asBoolean(false));
			case "unsubscribe" -> {
				Disposable subscription = this.subscriptions.remove(jobId.asString());
				if (subscription != null) {
					subscription.dispose();
				}
				event("unsubscribed", jobId.asString(), null);
			}
			default -> event("error", jobId.asString(),
					JsonRpcError.invalidRequest("unknown action '" + action + "' (use subscribe or unsubscribe)"));
		}
	}

	/**
	 * {@code subscribe} to the response of a {@code POST /api/async} call:
	 * {@code subscribed}, then {@code delivery}.
	 */
	private void deliveryControl(String action, JsonNode deliverId) {
		AsyncDeliveries source = this.owner.deliveries;
		if (!deliverId.isString() || !action.equals("subscribe")) {
			emitDeliveryError(deliverId.isString() ? deliverId.asString() : null, JsonRpcError.invalidRequest(
					"use {\"action\": \"subscribe\", \"deliver_id\": \"<id>\"} (a delivery ends its subscription)"));
			return;
		}
		String id = deliverId.asString();
		if (source == null) {
			emitDeliveryError(id, JsonRpcError.methodNotFound("async deliveries (adapter.async.enabled is false)"));
			return;
		}
		String key = "deliver:" + id;
		if (this.subscriptions.containsKey(key)) {
			return;
		}
		Disposable subscription = source.events(id, this.caller)
			.doFinally((signal) -> this.subscriptions.remove(key))
			.subscribe((event) -> emit(event.toString()), (failure) -> emitDeliveryError(id, errorOf(failure)));
		if (!subscription.isDisposed()) {
			this.subscriptions.put(key, subscription);
		}
	}

	private void emitDeliveryError(@Nullable String deliverId, JsonRpcError error) {
		event("error", "deliver_id", deliverId, error);
	}

	private void subscribe(String jobId, boolean acknowledge, boolean logs) {
		JobEventSource source = this.owner.events;
		if (source == null) {
			event("error", jobId, JsonRpcError.methodNotFound("job events (the queue is disabled)"));
			return;
		}
		if (this.subscriptions.containsKey(jobId)) {
			if (acknowledge) {
				event("subscribed", jobId, null);
			}
			return;
		}
		Pending pending = new Pending(jobId, acknowledge);
		Disposable subscription = source.events(jobId, this.caller, logs)
			.doFinally((signal) -> this.subscriptions.remove(jobId))
			.subscribe(pending::onEvent, pending::onError);
		if (!subscription.isDisposed()) {
			this.subscriptions.put(jobId, subscription);
		}
	}

	/**
	 * Acknowledges a subscription with its first event (job event sources start with the
	 * job's current state), so an unknown job gets only an error and "subscribed"
	 * precedes the events.
	 */
	private final class Pending {

		private final String jobId;

		private boolean acknowledged;

		Pending(String jobId, boolean acknowledge) {
			this.jobId = jobId;
			this.acknowledged = !acknowledge;
		}

		synchronized void onEvent(JsonNode event) {
			if (!this.acknowledged) {
				this.acknowledged = true;
				event("subscribed", this.jobId, null);
			}
			emit(event.toString());
		}

		synchronized void onError(Throwable failure) {
			event("error", this.jobId, errorOf(failure));
		}

	}

	private static JsonRpcError errorOf(Throwable error) {
		return (error instanceof JsonRpcException rpc) ? rpc.error() : JsonRpcError.internal(ErrorIds.next());
	}

	private void event(String event, @Nullable String jobId, @Nullable JsonRpcError error) {
		event(event, "job_id", jobId, error);
	}

	/**
	 * A control frame about a job ({@code job_id}) or a delivery ({@code deliver_id}).
	 */
	private void event(String event, String idField, @Nullable String id, @Nullable JsonRpcError error) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", event);
		if (id != null) {
			body.put(idField, id);
		}
		if (error != null) {
			body.put("error", AdapterEndpoints.errorBody(error)); // data omitted when
																	// absent, as over
																	// HTTP
		}
		body.put("timestamp", Instant.now().toString());
		emit(this.owner.dispatcher.mapper().writeValueAsString(body));
	}

	private void emit(String frame) {
		synchronized (this.outbound) {
			if (this.closeReason != null) {
				return;
			}
			if (this.outbound.tryEmitNext(frame) == Sinks.EmitResult.FAIL_OVERFLOW) {
				closeWith("Client too slow: more than " + this.owner.maxQueuedFrames
						+ " answers and events waiting to be read");
			}
		}
	}

	/**
	 * Ends the session when its connection has ended: subscriptions and the timer stop.
	 */
	public void close() {
		Disposable deadline = this.deadline;
		if (deadline != null) {
			deadline.dispose();
		}
		this.subscriptions.values().forEach(Disposable::dispose);
		this.subscriptions.clear();
		synchronized (this.outbound) {
			this.outbound.tryEmitComplete();
		}
	}

}
