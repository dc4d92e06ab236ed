package dev.rpcadapter.autoconfigure.queue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code /ws} connection with the JDK's {@link WebSocket}; received frames are parsed and queued. */
final class WebSocketFrames implements WebSocket.Listener, AutoCloseable {

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final StringBuilder partial = new StringBuilder();

	private final WebSocket socket;

	private WebSocketFrames(URI uri) {
		this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(uri, this)
			.join();
	}

	/** Opens {@code ws://host:port/ws} of the server. */
	static WebSocketFrames open(QueueServer server) {
		URI http = server.uri("/ws");
		return new WebSocketFrames(URI.create("ws://" + http.getHost() + ":" + http.getPort() + "/ws"));
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			this.frames.add(QueueServer.JSON.readTree(this.partial.toString()));
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	void send(Object message) {
		this.socket.sendText(QueueServer.JSON.writeValueAsString(message), true).join();
	}

	/** The next frame, waiting at most 10 s. */
	JsonNode next() {
		try {
			JsonNode frame = this.frames.poll(10, TimeUnit.SECONDS);
			assertThat(frame).as("a frame within 10 s").isNotNull();
			return frame;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The next frame with this {@code event}, skipping others (e.g. progress). */
	JsonNode nextEvent(String event) {
		for (int i = 0; i < 1000; i++) {
			JsonNode frame = next();
			if (event.equals(frame.path("event").asString())) {
				return frame;
			}
		}
		throw new AssertionError("No " + event + " event");
	}

	/** Nothing arrives for this long. */
	void assertQuietFor(Duration duration) throws InterruptedException {
		assertThat(this.frames.poll(duration.toMillis(), TimeUnit.MILLISECONDS)).isNull();
	}

	@Override
	public void close() {
		this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
	}

}
