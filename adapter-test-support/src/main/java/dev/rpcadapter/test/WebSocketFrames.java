package dev.rpcadapter.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code /ws} connection with the JDK's {@link WebSocket}; received frames are parsed
 * and queued.
 */
public final class WebSocketFrames implements WebSocket.Listener, AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration FRAME_TIMEOUT = Duration.ofSeconds(10);

	private static final List<String> JOB_END_EVENTS = List.of("job_completed", "job_failed", "job_stopped");

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final StringBuilder partial = new StringBuilder();

	private final WebSocket socket;

	private WebSocketFrames(URI uri) {
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(uri, this)
			.join();
	}

	/**
	 * Opens {@code ws://host:port/ws} of the server whose {@code /ws} HTTP URI this is.
	 */
	public static WebSocketFrames open(URI httpWs) {
		return new WebSocketFrames(URI.create("ws://" + httpWs.getHost() + ":" + httpWs.getPort() + "/ws"));
	}

	@Override
	public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			this.frames.add(JSON.readTree(this.partial.toString()));
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	/** Sends a message as a JSON text frame. */
	public void send(Object message) {
		this.socket.sendText(JSON.writeValueAsString(message), true).join();
	}

	/** The next frame, waiting at most 10 s. */
	public JsonNode next() {
		JsonNode frame = poll(FRAME_TIMEOUT);
		if (frame == null) {
			throw new AssertionError("No frame within " + FRAME_TIMEOUT.toSeconds() + " s");
		}
		return frame;
	}

	/** The next frame with this {@code event}, skipping others (e.g. progress). */
	public JsonNode nextEvent(String event) {
		for (int i = 0; i < 1000; i++) {
			JsonNode frame = next();
			if (event.equals(frame.path("event").asString())) {
				return frame;
			}
		}
		throw new AssertionError("No " + event + " event");
	}

	/**
	 * The frames up to and including the first terminal job event, waiting at most 10 s
	 * for each.
	 */
	public List<JsonNode> untilJobEnds() {
		List<JsonNode> seen = new ArrayList<>();
		while (true) {
			JsonNode frame = poll(FRAME_TIMEOUT);
			if (frame == null) {
				throw new AssertionError("No frame within " + FRAME_TIMEOUT.toSeconds() + " s after " + seen);
			}
			seen.add(frame);
			if (JOB_END_EVENTS.contains(frame.path("event").asString())) {
				return seen;
			}
		}
	}

	/** Fails if a frame arrives within this time. */
	public void assertQuietFor(Duration duration) {
		JsonNode frame = poll(duration);
		if (frame != null) {
			throw new AssertionError("Expected no frame for " + duration + " but got " + frame);
		}
	}

	private @Nullable JsonNode poll(Duration timeout) {
		try {
			return this.frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
	}

}
