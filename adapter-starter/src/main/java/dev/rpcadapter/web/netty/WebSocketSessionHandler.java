package dev.rpcadapter.web.netty;

import java.time.Duration;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.dispatch.AsyncDeliveries;
import dev.rpcadapter.dispatch.JobEventSource;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import dev.rpcadapter.web.AdapterRequest;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.SocketSession;
import dev.rpcadapter.web.SocketSessions;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * Carries {@code /ws} sessions ({@link SocketSession}, where their logic lives) over a
 * Reactor Netty WebSocket: frames in, frames out as the client reads them, and the 1008
 * close.
 */
public final class WebSocketSessionHandler {

	/**
	 * The close status of a session that ended by policy (see
	 * {@link SocketSessions#POLICY_VIOLATION}).
	 */
	static final int POLICY_VIOLATION = SocketSessions.POLICY_VIOLATION;

	/**
	 * How long a client that was sent a close frame has to answer it before the
	 * connection is closed.
	 */
	static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

	private final SocketSessions sessions;

	public WebSocketSessionHandler(SocketSessions sessions) {
		this.sessions = sessions;
	}

	public WebSocketSessionHandler(JsonRpcDispatcher dispatcher, @Nullable JobEventSource events, int maxFrameSize,
			int maxQueuedFrames, Duration maxSessionLifetime) {
		this(dispatcher, events, null, maxFrameSize, maxQueuedFrames, maxSessionLifetime);
	}

	/** See {@link SocketSessions#SocketSessions}. */
	public WebSocketSessionHandler(JsonRpcDispatcher dispatcher, @Nullable JobEventSource events,
			@Nullable AsyncDeliveries deliveries, int maxFrameSize, int maxQueuedFrames, Duration maxSessionLifetime) {
		this(new SocketSessions(dispatcher, events, deliveries, maxFrameSize, maxQueuedFrames, maxSessionLifetime));
	}

	WebsocketServerSpec spec() {
		return WebsocketServerSpec.builder().maxFramePayloadLength(this.sessions.maxFrameSize()).build();
	}

	Publisher<Void> handle(AdapterRequest request, Caller caller, RequestAuthenticator authenticator,
			WebsocketInbound in, WebsocketOutbound out) {
		SocketSession session = this.sessions.open(request, caller, authenticator);
		Mono<Void> inbound = in.aggregateFrames(this.sessions.maxFrameSize())
			.receiveFrames()
			.filter(TextWebSocketFrame.class::isInstance)
			.map((frame) -> ((TextWebSocketFrame) frame).text())
			.flatMap(session::onMessage, 16)
			.then()
			.doFinally((signal) -> session.close());
		// frames flow while the client reads; the session ends them when the client lets
		// too many pile
		// up, its credentials expire or are revoked or its lifetime passes, and a close
		// frame follows
		Mono<Void> outbound = out.sendString(session.frames()).then().then(Mono.defer(() -> {
			String reason = session.closeReason();
			return (reason != null) ? close(in, out, reason) : Mono.empty();
		}));
		return outbound.and(inbound);
	}

	/**
	 * Sends a 1008 close frame, goes on reading (and dropping) what the client still
	 * sends, so that closing the socket with unread input does not reset the connection
	 * before the client has read the close frame, and closes the connection when the
	 * client answers the close or after a grace period.
	 */
	private Mono<Void> close(WebsocketInbound in, WebsocketOutbound out, String reason) {
		CloseWebSocketFrame close = new CloseWebSocketFrame(POLICY_VIOLATION, reason);
		return out.sendObject(Mono.just(close))
			.then()
			.then(Mono.delay(CLOSE_GRACE))
			.then(Mono.fromRunnable(() -> in.withConnection(Connection::dispose)));
	}

}
