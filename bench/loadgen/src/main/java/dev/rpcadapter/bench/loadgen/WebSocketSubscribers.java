package dev.rpcadapter.bench.loadgen;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * {@code /ws} connections that each call the queued command, wait for its
 * {@code job_completed} event (the call subscribes the connection to its job) and call it
 * again, until the end.
 */
final class WebSocketSubscribers {

	private final MixedLoad load;

	private final int count;

	private final long end;

	private final List<CompletableFuture<Void>> done = new ArrayList<>();

	WebSocketSubscribers(MixedLoad load, int count, long end) {
		this.load = load;
		this.count = count;
		this.end = end;
	}

	void start() {
		URI jsonRpc = this.load.options.url();
		URI ws = URI.create((this.load.options.secure() ? "wss" : "ws") + "://" + jsonRpc.getRawAuthority() + "/ws");
		for (int i = 0; i < this.count; i++) {
			CompletableFuture<Void> finished = new CompletableFuture<>();
			this.done.add(finished);
			WebSocket.Builder builder = this.load.http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
			this.load.options.headers().forEach(builder::header);
			builder.buildAsync(ws, new Subscriber(finished)).exceptionally((ex) -> {
				this.load.fail("ws connect: " + ex);
				finished.complete(null);
				return null;
			});
		}
	}

	void awaitEnd() {
		try {
			CompletableFuture.allOf(this.done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			this.load.fail("ws subscribers did not finish: " + ex);
		}
	}

	private final class Subscriber implements WebSocket.Listener {

		private final CompletableFuture<Void> finished;

		private final StringBuilder text = new StringBuilder();

		Subscriber(CompletableFuture<Void> finished) {
			this.finished = finished;
		}

		@Override
		public void onOpen(WebSocket socket) {
			socket.request(1);
			next(socket);
		}

		private void next(WebSocket socket) {
			if (System.nanoTime() >= WebSocketSubscribers.this.end) {
				socket.sendClose(WebSocket.NORMAL_CLOSURE, "done")
					.whenComplete((s, ex) -> this.finished.complete(null));
				return;
			}
			socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + WebSocketSubscribers.this.load.job
					+ "\",\"params\":{\"entries\":10}}", true);
		}

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				JsonNode message = MixedLoad.json.readTree(this.text.toString());
				this.text.setLength(0);
				String event = message.path("event").asString("");
				if (message.has("error") || event.equals("job_failed") || event.equals("job_stopped")) {
					WebSocketSubscribers.this.load.fail("ws: " + message);
					next(socket);
				}
				else if (event.equals("job_completed")) {
					WebSocketSubscribers.this.load.wsJobs.increment();
					next(socket);
				}
			}
			socket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
			if (System.nanoTime() < WebSocketSubscribers.this.end) {
				WebSocketSubscribers.this.load.fail("ws closed early: " + status + " " + reason);
			}
			this.finished.complete(null);
			return null;
		}

		@Override
		public void onError(WebSocket socket, Throwable error) {
			WebSocketSubscribers.this.load.fail("ws error: " + error);
			this.finished.complete(null);
		}

	}

}
