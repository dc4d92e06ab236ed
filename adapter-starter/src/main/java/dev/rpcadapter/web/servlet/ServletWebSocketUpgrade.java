package dev.rpcadapter.web.servlet;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.web.AdapterRequest;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.SocketSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;

/**
 * The {@code /ws} handshake on a servlet container, through Spring's WebSocket support
 * (the container's {@code jakarta.websocket} server): the upgraded connection is handed
 * to a {@link ServletSocketHandler}, which carries a
 * {@link dev.rpcadapter.web.SocketSession}.
 */
public final class ServletWebSocketUpgrade {

	/**
	 * How long the handshake waits for the authenticator (which answers at once unless it
	 * asks a remote store).
	 */
	static final Duration AUTHENTICATION_TIMEOUT = Duration.ofSeconds(30);

	private final DefaultHandshakeHandler handshake = new DefaultHandshakeHandler(
			new StandardWebSocketUpgradeStrategy());

	private final ServletSocketHandler handler;

	public ServletWebSocketUpgrade(SocketSessions sessions, RequestAuthenticator authenticator) {
		this.handler = new ServletSocketHandler(sessions, authenticator);
		this.handshake.start();
	}

	/**
	 * Whether the request asks for a WebSocket upgrade ({@code Upgrade: websocket},
	 * {@code Connection: upgrade}).
	 */
	static boolean isUpgrade(HttpServletRequest req) {
		return contains(req.getHeader("Upgrade"), "websocket") && contains(req.getHeader("Connection"), "upgrade");
	}

	private static boolean contains(String value, String token) {
		if (value == null) {
			return false;
		}
		for (String part : value.split(",")) {
			if (part.strip().equalsIgnoreCase(token)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Upgrades an authenticated request.
	 * @param request a copy of the upgrade request (the session reads it for every
	 * message)
	 */
	void handshake(HttpServletRequest req, HttpServletResponse res, AdapterRequest request, Caller caller) {
		Map<String, Object> attributes = new HashMap<>();
		attributes.put(ServletSocketHandler.REQUEST, request);
		attributes.put(ServletSocketHandler.CALLER, caller);
		ServletServerHttpResponse response = new ServletServerHttpResponse(res);
		this.handshake.doHandshake(new ServletServerHttpRequest(req), response, this.handler, attributes);
		response.close();
	}

}
