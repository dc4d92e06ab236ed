package dev.rpcadapter.autoconfigure.transfer;

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

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code /ws} connection with the JDK's {@link WebSocket}; frames are parsed and queued. */
final class WsFrames implements WebSocket.Listener, AutoCloseable {

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final StringBuilder partial = new StringBuilder();

	private final WebSocket socket;

	WsFrames(TransferServer server) {
		URI http = server.uri("/ws");
		this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
			.buildAsync(URI.create("ws://" + http.getHost() + ":" + http.getPort() + "/ws"), this).join();
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			this.frames.add(TransferServer.JSON.readTree(this.partial.toString()));
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	void send(Object message) {
		this.socket.sendText(TransferServer.JSON.writeValueAsString(message), true).join();
	}

	/** The frames up to and including the first terminal job event, waiting at most 10 s for each. */
	List<JsonNode> untilJobEnds() throws InterruptedException {
		List<JsonNode> seen = new ArrayList<>();
		while (true) {
			JsonNode frame = this.frames.poll(10, TimeUnit.SECONDS);
			assertThat(frame).as("a frame within 10 s after %s", seen).isNotNull();
			seen.add(frame);
			if (List.of("job_completed", "job_failed", "job_stopped").contains(frame.path("event").asString())) {
				return seen;
			}
		}
	}

	@Override
	public void close() {
		this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
	}
}
