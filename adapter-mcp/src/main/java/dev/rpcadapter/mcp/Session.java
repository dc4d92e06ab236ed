package dev.rpcadapter.mcp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One MCP session: bound to the principal that created it, with its negotiated revision,
 * log level, SSE streams (kept for resumption), in-flight requests (for cancellation) and
 * resource subscriptions.
 */
final class Session {

	private static final int MAX_STREAMS = 32;

	private final String id;

	private final String principal;

	private final String version;

	private final int replayEvents;

	private final AtomicLong lastUsed = new AtomicLong(System.nanoTime());

	private final AtomicLong streamIds = new AtomicLong();

	private final Map<String, SseStream> streams = new LinkedHashMap<>();

	private final Map<String, Sinks.Empty<Void>> inFlight = new ConcurrentHashMap<>();

	private final Map<String, Disposable> subscriptions = new ConcurrentHashMap<>();

	private volatile @Nullable SseStream serverStream;

	private volatile LogLevel logLevel = LogLevel.INFO;

	private final ObjectNode clientCapabilities;

	private final AtomicLong requestIds = new AtomicLong();

	/**
	 * Requests this server sent to the client, by id (JSON text), waiting for the
	 * client's response.
	 */
	private final Map<String, Sinks.One<JsonNode>> awaiting = new ConcurrentHashMap<>();

	/** The registry version this session's client was last told about. */
	private final AtomicLong toolsVersion = new AtomicLong();

	Session(String id, String principal, String version, int replayEvents, ObjectNode clientCapabilities) {
		this.id = id;
		this.clientCapabilities = clientCapabilities;
		this.principal = principal;
		this.version = version;
		this.replayEvents = replayEvents;
	}

	String id() {
		return this.id;
	}

	String principal() {
		return this.principal;
	}

	String version() {
		return this.version;
	}

	/**
	 * Records the registry version; whether it differs from the one the client knew (then
	 * it is told).
	 */
	boolean toolsChanged(long version) {
		return this.toolsVersion.getAndSet(version) != version;
	}

	void touch() {
		this.lastUsed.set(System.nanoTime());
	}

	long lastUsed() {
		return this.lastUsed.get();
	}

	/**
	 * What the client declared at {@code initialize} ({@code sampling},
	 * {@code elicitation}, {@code roots}).
	 */
	ObjectNode clientCapabilities() {
		return this.clientCapabilities;
	}

	/**
	 * A new id for a request to the client; its response completes
	 * {@link #response(JsonNode)}.
	 */
	JsonNode nextRequestId() {
		return Rpc.NODES.stringNode("s-" + Long.toString(this.requestIds.incrementAndGet(), 36));
	}

	/**
	 * The client's response (the whole message) to the request with this id, when it
	 * comes.
	 */
	Mono<JsonNode> response(JsonNode requestId) {
		String key = requestId.toString();
		Sinks.One<JsonNode> sink = this.awaiting.computeIfAbsent(key, (k) -> Sinks.one());
		return sink.asMono().doFinally((signal) -> this.awaiting.remove(key));
	}

	/** A response the client POSTed; whether a request was waiting for it. */
	boolean answered(JsonNode requestId, JsonNode message) {
		Sinks.One<JsonNode> sink = this.awaiting.remove(requestId.toString());
		return sink != null && sink.tryEmitValue(message).isSuccess();
	}

	LogLevel logLevel() {
		return this.logLevel;
	}

	void logLevel(LogLevel level) {
		this.logLevel = level;
	}

	/** A new stream, kept (with the last {@value #MAX_STREAMS}) for resumption. */
	synchronized SseStream newStream() {
		SseStream stream = new SseStream(Long.toString(this.streamIds.incrementAndGet(), 36), this.replayEvents);
		this.streams.put(stream.id(), stream);
		if (this.streams.size() > MAX_STREAMS) {
			this.streams.remove(this.streams.keySet().iterator().next());
		}
		return stream;
	}

	synchronized @Nullable SseStream stream(String streamId) {
		return this.streams.get(streamId);
	}

	/**
	 * The GET stream, opened on first use (a new GET replaces the previous connection's).
	 */
	synchronized SseStream serverStream() {
		SseStream stream = this.serverStream;
		if (stream == null) {
			stream = newStream();
			this.serverStream = stream;
		}
		return stream;
	}

	/**
	 * Sends a notification on the GET stream if one was opened (else it is dropped, as
	 * the spec allows).
	 */
	void notify(ObjectNode message) {
		SseStream stream = this.serverStream;
		if (stream != null) {
			stream.send(message.toString());
		}
	}

	/**
	 * Registers an in-flight request; {@code notifications/cancelled} fires the returned
	 * signal.
	 */
	Sinks.Empty<Void> started(String requestId) {
		Sinks.Empty<Void> cancel = Sinks.empty();
		this.inFlight.put(requestId, cancel);
		return cancel;
	}

	void finished(String requestId) {
		this.inFlight.remove(requestId);
	}

	void cancel(String requestId) {
		Sinks.Empty<Void> cancel = this.inFlight.remove(requestId);
		if (cancel != null) {
			cancel.tryEmitEmpty();
		}
	}

	void subscribe(String uri, Disposable subscription) {
		Disposable previous = this.subscriptions.put(uri, subscription);
		if (previous != null) {
			previous.dispose();
		}
	}

	void unsubscribe(String uri) {
		Disposable subscription = this.subscriptions.remove(uri);
		if (subscription != null) {
			subscription.dispose();
		}
	}

	/**
	 * Ends the session: cancels its requests and subscriptions and closes its streams.
	 */
	synchronized void close() {
		this.inFlight.keySet().forEach(this::cancel);
		this.awaiting.values().forEach(Sinks.One::tryEmitEmpty);
		this.awaiting.clear();
		this.subscriptions.keySet().forEach(this::unsubscribe);
		this.streams.values().forEach(SseStream::complete);
		this.streams.clear();
	}

}
