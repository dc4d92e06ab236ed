package dev.rpcadapter.web;

import java.time.Duration;
import java.time.Instant;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.dispatch.AsyncDeliveries;
import dev.rpcadapter.dispatch.JobEventSource;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import org.jspecify.annotations.Nullable;

/**
 * Opens {@code /ws} sessions, whichever server carries the socket: JSON-RPC messages get
 * the same answers as over HTTP, control messages subscribe to job events and async
 * deliveries, and every message is admitted by the {@link RequestAuthenticator} (see
 * {@link SocketSession}). A transport feeds a session the text frames it receives and
 * sends the frames it emits.
 */
public final class SocketSessions {

	/**
	 * The close status for a client that reads too slowly, whose credentials expired or
	 * were revoked, or whose session outlived its maximum lifetime (1008, policy
	 * violation).
	 */
	public static final int POLICY_VIOLATION = 1008;

	final JsonRpcDispatcher dispatcher;

	final @Nullable JobEventSource events;

	final @Nullable AsyncDeliveries deliveries;

	private final int maxFrameSize;

	final int maxQueuedFrames;

	private final Duration maxSessionLifetime;

	/**
	 * @param deliveries the responses of {@code POST /api/async} calls, for
	 * {@code {"action":"subscribe","deliver_id":…}}; {@code null} when async calls are
	 * off
	 * @param maxFrameSize the largest text frame accepted
	 * @param maxQueuedFrames how many answers and events may wait for a client that does
	 * not read before its connection is closed with status 1008
	 * @param maxSessionLifetime how long a connection may stay open before it is closed
	 * with status 1008 (zero: no limit)
	 */
	public SocketSessions(JsonRpcDispatcher dispatcher, @Nullable JobEventSource events,
			@Nullable AsyncDeliveries deliveries, int maxFrameSize, int maxQueuedFrames, Duration maxSessionLifetime) {
		if (maxQueuedFrames < 1) {
			throw new IllegalArgumentException("maxQueuedFrames must be at least 1, was " + maxQueuedFrames);
		}
		if (maxSessionLifetime.isNegative()) {
			throw new IllegalArgumentException("maxSessionLifetime must not be negative, was " + maxSessionLifetime);
		}
		this.dispatcher = dispatcher;
		this.events = events;
		this.deliveries = deliveries;
		this.maxFrameSize = maxFrameSize;
		this.maxQueuedFrames = maxQueuedFrames;
		this.maxSessionLifetime = maxSessionLifetime;
	}

	/** The largest text frame a transport should accept (beyond it: close with 1009). */
	public int maxFrameSize() {
		return this.maxFrameSize;
	}

	/**
	 * Opens a session for an upgrade the authenticator admitted. Its timer (the
	 * credentials' expiry or the maximum lifetime, the earlier) starts now; the transport
	 * must {@link SocketSession#close()} it when the connection ends.
	 * @param request the upgrade request; read again for every message, so it must stay
	 * readable for the session's life (a transport that recycles requests passes a copy)
	 */
	public SocketSession open(AdapterRequest request, Caller caller, RequestAuthenticator authenticator) {
		SocketSession session = new SocketSession(this, request, caller, authenticator);
		Instant credentialsExpiry = authenticator.credentialsExpireAt(request);
		Instant lifetime = this.maxSessionLifetime.isZero() ? null : Instant.now().plus(this.maxSessionLifetime);
		if (credentialsExpiry != null && (lifetime == null || !lifetime.isBefore(credentialsExpiry))) {
			session.closeAt(credentialsExpiry, "Credentials expired");
		}
		else if (lifetime != null) {
			session.closeAt(lifetime, "Session lifetime exceeded (adapter.websocket.max-session-lifetime)");
		}
		return session;
	}

}
