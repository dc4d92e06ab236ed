package dev.rpcadapter.web.servlet;

import java.io.IOException;
import java.util.concurrent.Semaphore;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.web.AdapterRequest;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.SocketSession;
import dev.rpcadapter.web.SocketSessions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * Carries {@link SocketSession}s over Spring WebSocket sessions: text messages in (at
 * most 16 in progress per connection, then reading waits), frames out one at a time as
 * the client takes them, and the 1008 close when the session ends by policy. Whole
 * messages up to the frame-size limit; beyond it the container closes with 1009.
 */
final class ServletSocketHandler implements WebSocketHandler {

	private static final Logger logger = LoggerFactory.getLogger(ServletSocketHandler.class);

	static final String REQUEST = ServletSocketHandler.class.getName() + ".request";

	static final String CALLER = ServletSocketHandler.class.getName() + ".caller";

	private static final String STATE = ServletSocketHandler.class.getName() + ".state";

	/** Messages of one connection handled concurrently (as the Netty transport). */
	private static final int CONCURRENCY = 16;

	private final SocketSessions sessions;

	private final RequestAuthenticator authenticator;

	ServletSocketHandler(SocketSessions sessions, RequestAuthenticator authenticator) {
		this.sessions = sessions;
		this.authenticator = authenticator;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession connection) {
		connection.setTextMessageSizeLimit(this.sessions.maxFrameSize());
		AdapterRequest request = (AdapterRequest) connection.getAttributes().get(REQUEST);
		Caller caller = (Caller) connection.getAttributes().get(CALLER);
		if (request == null || caller == null) {
			close(connection, CloseStatus.SERVER_ERROR); // not an upgrade of ours
			return;
		}
		SocketSession session = this.sessions.open(request, caller, this.authenticator);
		Disposable sending = session.frames()
			// one frame at a time: the rest wait in the session's bounded queue while the
			// client is slow
			.publishOn(Schedulers.boundedElastic(), 1)
			.subscribe((frame) -> send(connection, session, frame), (ex) -> close(connection, CloseStatus.SERVER_ERROR),
					() -> ended(connection, session));
		connection.getAttributes().put(STATE, new State(session, sending, new Semaphore(CONCURRENCY)));
	}

	@Override
	public void handleMessage(WebSocketSession connection, WebSocketMessage<?> message) throws InterruptedException {
		State state = state(connection);
		if (state == null || !(message instanceof TextMessage text)) {
			return;
		}
		state.inProgress().acquire(); // a client that sends faster than it is answered
										// waits
		state.session()
			.onMessage(text.getPayload())
			.doFinally((signal) -> state.inProgress().release())
			.subscribe(null, (ex) -> logger.debug("WebSocket message failed", ex));
	}

	@Override
	public void handleTransportError(WebSocketSession connection, Throwable exception) {
		logger.debug("WebSocket transport error", exception);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession connection, CloseStatus status) {
		State state = state(connection);
		if (state != null) {
			state.session().close();
			state.sending().dispose();
		}
	}

	@Override
	public boolean supportsPartialMessages() {
		return false;
	}

	private static void send(WebSocketSession connection, SocketSession session, String frame) {
		try {
			connection.sendMessage(new TextMessage(frame));
		}
		catch (IOException | IllegalStateException ex) {
			session.close(); // the connection is gone
		}
	}

	/** The session's frames are all out: close with 1008 when it ended by policy. */
	private static void ended(WebSocketSession connection, SocketSession session) {
		String reason = session.closeReason();
		if (reason != null) {
			close(connection, new CloseStatus(SocketSessions.POLICY_VIOLATION, reason));
		}
	}

	private static void close(WebSocketSession connection, CloseStatus status) {
		try {
			connection.close(status);
		}
		catch (IOException ex) {
			logger.debug("WebSocket close failed", ex);
		}
	}

	private static @Nullable State state(WebSocketSession connection) {
		return (State) connection.getAttributes().get(STATE);
	}

	private record State(SocketSession session, Disposable sending, Semaphore inProgress) {
	}

}
