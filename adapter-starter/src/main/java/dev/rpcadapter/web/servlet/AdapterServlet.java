package dev.rpcadapter.web.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.web.AdapterEndpoints;
import dev.rpcadapter.web.AdapterPaths;
import dev.rpcadapter.web.AdapterRequest;
import dev.rpcadapter.web.AdapterResponse;
import dev.rpcadapter.web.AsyncEndpoint;
import dev.rpcadapter.web.CallerRunsScheduler;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.RequestPolicies;
import dev.rpcadapter.web.ResponseHeadersCustomizer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Serves the adapter's endpoints in a servlet container, the same as the Reactor Netty
 * routes: one async servlet mapped to the exact paths (ahead of Spring MVC's
 * {@code DispatcherServlet}), every request authenticated by the
 * {@link RequestAuthenticator}. A method a path does not take is answered 405 with
 * {@code Allow}; a POST body must be declared JSON (415) and fit the limit (413).
 */
public final class AdapterServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private static final byte[] NO_BODY = new byte[0];

	private final transient AdapterEndpoints endpoints;

	private final transient RequestAuthenticator authenticator;

	private final long maxBodySize;

	private final transient ServletResponder responder;

	private final transient RequestPolicies policies;

	private final transient Map<String, BodyHandler> posts = new HashMap<>();

	private final transient Map<String, GetHandler> gets = new HashMap<>();

	/** Each path with the methods it answers (its {@code Allow} header). */
	private final Map<String, String> allowed = new HashMap<>();

	private final @Nullable String webSocketPath;

	private final transient @Nullable ServletWebSocketUpgrade webSocket;

	/**
	 * @param allowedOrigins origins allowed to open the WebSocket besides the server's
	 * own ({@code *} for any)
	 * @param async {@code POST /api/async}, or {@code null} when async calls are off
	 * @param webSocket the {@code /ws} handshake, or {@code null} when there is no
	 * WebSocket support (then {@code /ws} is not served)
	 */
	public AdapterServlet(AdapterEndpoints endpoints, RequestAuthenticator authenticator, AdapterPaths paths,
			long maxBodySize, List<ResponseHeadersCustomizer> headerCustomizers, List<String> allowedOrigins,
			@Nullable AsyncEndpoint async, @Nullable ServletWebSocketUpgrade webSocket) {
		this.endpoints = endpoints;
		this.authenticator = authenticator;
		this.maxBodySize = maxBodySize;
		this.responder = new ServletResponder(endpoints, headerCustomizers, maxBodySize);
		this.policies = new RequestPolicies(allowedOrigins);
		this.posts.put(paths.jsonRpc(), endpoints::jsonRpc);
		this.posts.put(paths.batch(), endpoints::batch);
		this.posts.put(paths.cmd(), endpoints::cmd);
		if (async != null) {
			// the call outlives the exchange: it gets a copy of the request
			this.posts.put(async.path(), (request, caller, body) -> async
				.handle(((ServletAdapterRequest) request).snapshot(), caller, body));
		}
		this.gets.put(paths.commands(), (request, caller) -> Mono.just(endpoints.commands(caller)));
		this.gets.put(paths.health(), (request, caller) -> endpoints.health(caller));
		this.gets.put(paths.heartbeat(), (request, caller) -> Mono.just(endpoints.heartbeat(request)));
		this.gets.put(paths.openApi(), (request, caller) -> Mono.just(endpoints.openApi(caller)));
		this.gets.put(paths.openRpc(), (request, caller) -> Mono.just(endpoints.openRpc(request, caller)));
		this.gets.put(paths.docs(), (request, caller) -> Mono.just(endpoints.docs(caller)));
		this.gets.keySet().forEach((path) -> this.allowed.put(path, "GET, HEAD"));
		this.posts.keySet().forEach((path) -> this.allowed.put(path, "POST"));
		this.webSocket = webSocket;
		this.webSocketPath = (webSocket != null) ? paths.webSocket() : null;
		if (this.webSocketPath != null) {
			this.allowed.put(this.webSocketPath, "GET");
		}
	}

	/** The paths this servlet is to be mapped to. */
	public List<String> mappedPaths() {
		List<String> paths = new ArrayList<>(this.gets.size() + this.posts.size() + 1);
		paths.addAll(this.posts.keySet());
		paths.addAll(this.gets.keySet());
		if (this.webSocketPath != null) {
			paths.add(this.webSocketPath);
		}
		return paths.stream().sorted().toList();
	}

	@Override
	protected void service(HttpServletRequest req, HttpServletResponse res) {
		String path = req.getServletPath();
		String method = req.getMethod();
		if ("POST".equals(method)) {
			BodyHandler handler = this.posts.get(path);
			if (handler != null) {
				post(req, res, path, handler);
				return;
			}
		}
		else if ("GET".equals(method) || "HEAD".equals(method)) {
			GetHandler handler = this.gets.get(path);
			if (handler != null) {
				ServletAdapterRequest request = new ServletAdapterRequest(req, path);
				this.responder.respond(req, res, request, this.authenticator.authenticate(request),
						(caller) -> ServletResponder.subscribe(handler.handle(request, caller)));
				return;
			}
			if ("GET".equals(method) && path.equals(this.webSocketPath)) {
				webSocket(req, res, path);
				return;
			}
		}
		String allow = this.allowed.getOrDefault(path, "");
		write(req, res, new ServletAdapterRequest(req, path), this.endpoints.methodNotAllowed(path, allow));
	}

	private void post(HttpServletRequest req, HttpServletResponse res, String path, BodyHandler handler) {
		ServletAdapterRequest request = new ServletAdapterRequest(req, path);
		long length = req.getContentLengthLong();
		if (length > this.maxBodySize) {
			res.setHeader("Connection", "close");
			write(req, res, request, this.endpoints.bodyTooLarge(this.maxBodySize));
			return;
		}
		if (!RequestPolicies.isJson(req.getContentType())) {
			// what a cross-site form or no-cors fetch can send: refused before
			// authentication (the
			// container discards the unread body)
			write(req, res, request, this.endpoints.error(RequestPolicies.NOT_JSON));
			return;
		}
		this.responder.respond(req, res, request, this.authenticator.authenticate(request), (caller) -> {
			byte[] body;
			try {
				body = body(req, length);
			}
			catch (BodyTooLargeException ex) {
				res.setHeader("Connection", "close");
				return CompletableFuture.failedFuture(ex);
			}
			catch (IOException ex) {
				return CompletableFuture
					.completedFuture(this.endpoints.error(400, JsonRpcError.invalidRequest("request body not read")));
			}
			Mono<AdapterResponse> answer = handler.handle(request, caller, body);
			if (AdapterEndpoints.isBatch(body)) {
				return ServletResponder.subscribe(answer); // batch elements run
															// concurrently, on the pool
			}
			// one call: a blocking command runs on this container thread rather than on
			// the pool
			return CallerRunsScheduler.callerRuns(() -> ServletResponder.subscribe(answer));
		});
	}

	/** The body, read with blocking I/O: at most {@code maxBodySize} bytes. */
	private byte[] body(HttpServletRequest req, long length) throws IOException {
		InputStream in = req.getInputStream();
		if (length >= 0) {
			return (length == 0) ? NO_BODY : in.readNBytes((int) length);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
			if (out.size() + read > this.maxBodySize) {
				throw new BodyTooLargeException();
			}
			out.write(buffer, 0, read);
		}
		return out.toByteArray();
	}

	/**
	 * {@code GET /ws}: the Origin check and authentication of the Netty route, then
	 * Spring's WebSocket handshake.
	 */
	private void webSocket(HttpServletRequest req, HttpServletResponse res, String path) {
		ServletAdapterRequest request = new ServletAdapterRequest(req, path);
		ServletWebSocketUpgrade upgrade = this.webSocket;
		if (upgrade == null || !ServletWebSocketUpgrade.isUpgrade(req)) {
			write(req, res, request,
					this.endpoints.error(400, JsonRpcError.invalidRequest("WebSocket upgrade required")));
			return;
		}
		if (!this.policies.allowsOrigin(request)) {
			// cross-site WebSocket hijacking: a page elsewhere would use the browser's
			// credentials
			write(req, res, request, this.endpoints.error(RequestPolicies.ORIGIN_NOT_ALLOWED));
			return;
		}
		Caller caller;
		try {
			// the handshake must happen on this thread: wait for the authenticator
			caller = this.authenticator.authenticate(request).block(ServletWebSocketUpgrade.AUTHENTICATION_TIMEOUT);
		}
		catch (RuntimeException ex) {
			write(req, res, request, this.responder.failure(ex));
			return;
		}
		upgrade.handshake(req, res, request.snapshot(), (caller != null) ? caller : Caller.ANONYMOUS);
	}

	private void write(HttpServletRequest req, HttpServletResponse res, AdapterRequest request,
			AdapterResponse response) {
		this.responder.write(req, res, request, response);
	}

	@FunctionalInterface
	private interface BodyHandler {

		Mono<AdapterResponse> handle(AdapterRequest request, Caller caller, byte[] body);

	}

	@FunctionalInterface
	private interface GetHandler {

		Mono<AdapterResponse> handle(AdapterRequest request, Caller caller);

	}

}
