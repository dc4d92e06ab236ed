package dev.rpcadapter.autoconfigure.security;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JDK WebSocket to a test server that collects text frames and the close the server
 * sends.
 */
final class TestSocket implements WebSocket.Listener, AutoCloseable {

	private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> status = new CompletableFuture<>();

	private volatile @Nullable String reason;

	private @Nullable WebSocket socket;

	static TestSocket open(TestServer server, HttpClient.Builder client, String... headers) throws Exception {
		TestSocket listener = new TestSocket();
		WebSocket.Builder builder = client.build().newWebSocketBuilder();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		listener.socket = builder.buildAsync(server.webSocketUri(), listener).get(10, TimeUnit.SECONDS);
		return listener;
	}

	/** The next frame the server sends, waited for up to 10 s. */
	JsonNode next() throws Exception {
		String frame = this.frames.poll(10, TimeUnit.SECONDS);
		assertThat(frame).as("a frame within 10 s").isNotNull();
		return TestServer.JSON.readTree(frame);
	}

	JsonNode call(String message) throws Exception {
		this.socket.sendText(message, true).get(5, TimeUnit.SECONDS);
		String frame = this.frames.poll(10, TimeUnit.SECONDS);
		assertThat(frame).as("an answer within 10 s").isNotNull();
		return TestServer.JSON.readTree(frame);
	}

	/** The status of the close frame the server sends, waited for up to 20 s. */
	int closeStatus() throws Exception {
		return this.status.get(20, TimeUnit.SECONDS);
	}

	@Nullable String closeReason() throws Exception {
		closeStatus();
		return this.reason;
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.frames.add(data.toString());
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.reason = reason;
		this.status.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.status.completeExceptionally(error);
	}

	@Override
	public void close() {
		if (this.socket != null) {
			this.socket.abort();
		}
	}

}
