package dev.rpcadapter.client;

import java.net.URI;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

/**
 * JDK WebSocket listener that assembles text frames into messages for a
 * {@link WebSocketInbox}.
 */
final class InboxListener implements WebSocket.Listener {

	private final WebSocketInbox inbox;

	private final URI target;

	private final StringBuilder partial = new StringBuilder();

	InboxListener(WebSocketInbox inbox, URI target) {
		this.inbox = inbox;
		this.target = target;
	}

	@Override
	public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			String message = this.partial.toString();
			this.partial.setLength(0);
			this.inbox.accept(message);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.inbox.failAll(new RpcTransportException("WebSocket " + this.target + " closed by the server (" + statusCode
				+ ((reason == null || reason.isEmpty()) ? "" : " " + reason) + ")", null));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.inbox.failAll(TransportFailures.describe(error, this.target));
	}

}
