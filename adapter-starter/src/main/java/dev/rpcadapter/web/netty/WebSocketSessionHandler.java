package dev.rpcadapter.web.netty;

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
import dev.rpcadapter.dispatch.AsyncDeliveries;
import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.dispatch.JobEventSource;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.jsonrpc.JsonRpcId;
import dev.rpcadapter.jsonrpc.JsonRpcResponse;
import dev.rpcadapter.web.AdapterEndpoints;
import dev.rpcadapter.web.AdapterHttpException;
import dev.rpcadapter.web.AdapterRequest;
import dev.rpcadapter.web.RequestAuthenticator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One {@code /ws} connection: JSON-RPC messages get the same answers as over HTTP; control
 * messages subscribe to job events, which are pushed as they happen. A queued command called over
 * the socket subscribes it to its job.
 */
public final class WebSocketSessionHandler {

	private final JsonRpcDispatcher dispatcher;

	private final ObjectMapper mapper;

	private final @Nullable JobEventSource events;

	private final @Nullable AsyncDeliveries deliveries;

	private final int maxFrameSize;

	private final int maxQueuedFrames;

	private final Duration maxSessionLifetime;

	/**
	 * The close status sent to a client that reads too slowly, whose credentials expired or were
	 * revoked, or whose session outlived its maximum lifetime (1008, policy violation).
	 */
	static final int POLICY_VIOLATION = 1008;

	/** How long a client that was sent a close frame has to answer it before the connection is closed. */
	static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

	/**
	 * @param maxFrameSize the largest text frame accepted
	 * @param maxQueuedFrames how many answers and events may wait for a client that does not read
	 * before its connection is closed with status 1008
	 * @param maxSessionLifetime how long a connection may stay open before it is closed with status
	 * 1008 (zero: no limit)
	 */
	public WebSocketSessionHandler(JsonRpcDispatcher dispatcher, @Nullable JobEventSource events, int maxFrameSize,
			int maxQueuedFrames, Duration maxSessionLifetime) {
		this(dispatcher, events, null, maxFrameSize, maxQueuedFrames, maxSessionLifetime);
	}

	/**
	 * @param deliveries the responses of {@code POST /api/async} calls, for
	 * {@code {"action":"subscribe","deliver_id":…}}; {@code null} when async calls are off
	 */
	public WebSocketSessionHandler(JsonRpcDispatcher dispatcher, @Nullable JobEventSource events,
			@Nullable AsyncDeliveries deliveries, int maxFrameSize, int maxQueuedFrames, Duration maxSessionLifetime) {
		this.deliveries = deliveries;
		if (maxQueuedFrames < 1) {
			throw new IllegalArgumentException("maxQueuedFrames must be at least 1, was " + maxQueuedFrames);
		}
		if (maxSessionLifetime.isNegative()) {
			throw new IllegalArgumentException("maxSessionLifetime must not be negative, was " + maxSessionLifetime);
		}
		this.maxSessionLifetime = maxSessionLifetime;
		this.dispatcher = dispatcher;
		this.mapper = dispatcher.mapper();
		this.events = events;
		this.maxFrameSize = maxFrameSize;
		this.maxQueuedFrames = maxQueuedFrames;
	}

	WebsocketServerSpec spec() {
		return WebsocketServerSpec.builder().maxFramePayloadLength(this.maxFrameSize).build();
	}

	Publisher<Void> handle(AdapterRequest request, Caller caller, RequestAuthenticator authenticator,
			WebsocketInbound in, WebsocketOutbound out) {
		Session session = new Session(request, caller, authenticator);
		scheduleClose(session, authenticator.credentialsExpireAt(request));
		Mono<Void> inbound = in.aggregateFrames(this.maxFrameSize)
			.receiveFrames()
			.filter(TextWebSocketFrame.class::isInstance)
			.map((frame) -> ((TextWebSocketFrame) frame).text())
			.flatMap(session::onMessage, 16)
			.then()
			.doFinally((signal) -> session.close());
		// frames flow while the client reads; a client that lets more than maxQueuedFrames pile up
		// gets a close frame instead of the rest, so a slow reader cannot make the server buffer without
		// bound; expired or revoked credentials and the session's lifetime end it the same way
		Mono<Void> outbound = out.sendString(session.outbound.asFlux().takeUntilOther(session.closing.asMono()))
			.then()
			.then(Mono.defer(() -> (session.closeReason != null) ? close(in, out, session.closeReason) : Mono.empty()));
		return outbound.and(inbound);
	}

	/** One timer per session, at the earlier of the expiry of its credentials and its maximum lifetime. */
	private void scheduleClose(Session session, @Nullable Instant credentialsExpiry) {
		Instant lifetime = this.maxSessionLifetime.isZero() ? null : Instant.now().plus(this.maxSessionLifetime);
		if (credentialsExpiry != null && (lifetime == null || !lifetime.isBefore(credentialsExpiry))) {
			session.closeAt(credentialsExpiry, "Credentials expired");
		}
		else if (lifetime != null) {
			session.closeAt(lifetime, "Session lifetime exceeded (adapter.websocket.max-session-lifetime)");
		}
	}

	/**
	 * Sends a 1008 close frame, goes on reading (and dropping) what the client still sends, so that
	 * closing the socket with unread input does not reset the connection before the client has read
	 * the close frame, and closes the connection when the client answers the close or after a grace
	 * period.
	 */
	private Mono<Void> close(WebsocketInbound in, WebsocketOutbound out, String reason) {
		CloseWebSocketFrame close = new CloseWebSocketFrame(POLICY_VIOLATION, reason);
		return out.sendObject(Mono.just(close))
			.then()
			.then(Mono.delay(CLOSE_GRACE))
			.then(Mono.fromRunnable(() -> in.withConnection(Connection::dispose)));
	}

	private final class Session {

		final Sinks.Many<String> outbound = Sinks.many()
			.unicast()
			.onBackpressureBuffer(new ArrayBlockingQueue<>(WebSocketSessionHandler.this.maxQueuedFrames));

		/** Completes when the session is to be closed with {@link #closeReason}. */
		final Sinks.One<Void> closing = Sinks.one();

		volatile @Nullable String closeReason;

		private volatile @Nullable Disposable deadline;

		final Map<String, Disposable> subscriptions = new ConcurrentHashMap<>();

		final AdapterRequest request;

		final Caller caller;

		final RequestAuthenticator authenticator;

		Session(AdapterRequest request, Caller caller, RequestAuthenticator authenticator) {
			this.request = request;
			this.caller = caller;
			this.authenticator = authenticator;
		}

		/** Closes the session at the instant (at once when it has passed). */
		void closeAt(Instant at, String reason) {
			Duration delay = Duration.between(Instant.now(), at);
			this.deadline = Mono.delay(delay.isNegative() ? Duration.ZERO : delay).subscribe((tick) -> closeWith(reason));
		}

		/** Stops answering and sends a 1008 close frame with the reason once the queued frames are out. */
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

		Mono<Void> onMessage(String text) {
			if (this.closeReason != null) {
				return Mono.empty(); // closing: nothing more is answered
			}
			JsonRpcDispatcher dispatcher = WebSocketSessionHandler.this.dispatcher;
			JsonNode node;
			try {
				// read once, under the dispatcher's limits, for both control messages and JSON-RPC
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
			JsonRpcDispatcher dispatcher = WebSocketSessionHandler.this.dispatcher;
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
			return dispatcher.handle(node, context)
				.doOnNext((bytes) -> emit(new String(bytes, StandardCharsets.UTF_8)))
				.then(Mono.fromRunnable(() -> {
					synchronized (submitted) {
						submitted.forEach((jobId) -> subscribe(jobId, false));
					}
				}));
		}

		/**
		 * Answers a message the authenticator did not admit (rate limits count every message, a batch as
		 * one, like an HTTP request): the refusal's error for each call in it that expects an answer, or
		 * an {@code error} event for a control message. Credentials no longer valid (401) also close the
		 * session with 1008.
		 * @return {@code false}
		 */
		boolean refused(JsonNode message, AdapterHttpException ex) {
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
			answers.add(new String(WebSocketSessionHandler.this.dispatcher.write(response), StandardCharsets.UTF_8));
		}

		/** A subscribe/unsubscribe message rather than JSON-RPC. */
		private static boolean isControl(JsonNode message) {
			return message.isObject() && message.has("action");
		}

		void control(JsonNode message) {
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

		/** {@code subscribe} to the response of a {@code POST /api/async} call: {@code subscribed}, then {@code delivery}. */
		private void deliveryControl(String action, JsonNode deliverId) {
			AsyncDeliveries source = WebSocketSessionHandler.this.deliveries;
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

		void subscribe(String jobId, boolean acknowledge) {
			subscribe(jobId, acknowledge, false);
		}

		void subscribe(String jobId, boolean acknowledge, boolean logs) {
			JobEventSource source = WebSocketSessionHandler.this.events;
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
		 * Acknowledges a subscription with its first event (job event sources start with the job's
		 * current state), so an unknown job gets only an error and "subscribed" precedes the events.
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

		private JsonRpcError errorOf(Throwable error) {
			return (error instanceof JsonRpcException rpc) ? rpc.error()
					: JsonRpcError.internal(dev.rpcadapter.support.ErrorIds.next());
		}

		void event(String event, @Nullable String jobId, @Nullable JsonRpcError error) {
			event(event, "job_id", jobId, error);
		}

		/** A control frame about a job ({@code job_id}) or a delivery ({@code deliver_id}). */
		private void event(String event, String idField, @Nullable String id, @Nullable JsonRpcError error) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("event", event);
			if (id != null) {
				body.put(idField, id);
			}
			if (error != null) {
				body.put("error", AdapterEndpoints.errorBody(error)); // data omitted when absent, as over HTTP
			}
			body.put("timestamp", Instant.now().toString());
			emit(WebSocketSessionHandler.this.mapper.writeValueAsString(body));
		}

		void emit(String frame) {
			synchronized (this.outbound) {
				if (this.closeReason != null) {
					return;
				}
				if (this.outbound.tryEmitNext(frame) == Sinks.EmitResult.FAIL_OVERFLOW) {
					closeWith("Client too slow: more than " + WebSocketSessionHandler.this.maxQueuedFrames
							+ " answers and events waiting to be read");
				}
			}
		}

		void close() {
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
}
