package dev.rpcadapter.web.netty;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.support.ErrorIds;
import dev.rpcadapter.web.AdapterEndpoints;
import dev.rpcadapter.web.AdapterHttpException;
import dev.rpcadapter.web.AdapterPaths;
import dev.rpcadapter.web.AdapterRequest;
import dev.rpcadapter.web.AdapterResponse;
import dev.rpcadapter.web.AsyncEndpoint;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.RequestPolicies;
import dev.rpcadapter.web.ResponseHeadersCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import reactor.core.publisher.Mono;
import reactor.netty.NettyOutbound;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Serves the adapter's endpoints as Reactor Netty routes, ahead of Spring's dispatcher
 * (the per-request cost of the WebFlux handler chain is larger than all JSON-RPC work).
 * Authentication runs here for every request through the {@link RequestAuthenticator}.
 */
public final class NettyAdapterRoutes implements NettyRouteProvider {

	private static final byte[] NO_BODY = new byte[0];

	private static final Logger logger = LoggerFactory.getLogger(NettyAdapterRoutes.class);

	private final AdapterEndpoints endpoints;

	private final RequestAuthenticator authenticator;

	private final AdapterPaths paths;

	private final long maxBodySize;

	private final WebSocketSessionHandler webSocket;

	private final List<ResponseHeadersCustomizer> headerCustomizers;

	/** Each adapter path with the methods it answers (its {@code Allow} header). */
	private final Map<String, String> allowed;

	private final RequestPolicies policies;

	private final @Nullable AsyncEndpoint async;

	public NettyAdapterRoutes(AdapterEndpoints endpoints, RequestAuthenticator authenticator, AdapterPaths paths,
			long maxBodySize, WebSocketSessionHandler webSocket) {
		this(endpoints, authenticator, paths, maxBodySize, webSocket, List.of(), List.of());
	}

	/**
	 * @param allowedOrigins origins allowed to open the WebSocket besides the server's
	 * own ({@code *} for any); an upgrade without {@code Origin} (not from a browser) is
	 * always allowed
	 */
	public NettyAdapterRoutes(AdapterEndpoints endpoints, RequestAuthenticator authenticator, AdapterPaths paths,
			long maxBodySize, WebSocketSessionHandler webSocket, List<ResponseHeadersCustomizer> headerCustomizers,
			List<String> allowedOrigins) {
		this(endpoints, authenticator, paths, maxBodySize, webSocket, headerCustomizers, allowedOrigins, null);
	}

	/**
	 * @param async {@code POST /api/async}, or {@code null} when async calls are off
	 */
	public NettyAdapterRoutes(AdapterEndpoints endpoints, RequestAuthenticator authenticator, AdapterPaths paths,
			long maxBodySize, WebSocketSessionHandler webSocket, List<ResponseHeadersCustomizer> headerCustomizers,
			List<String> allowedOrigins, @Nullable AsyncEndpoint async) {
		this.async = async;
		this.policies = new RequestPolicies(allowedOrigins);
		this.endpoints = endpoints;
		this.authenticator = authenticator;
		this.paths = paths;
		this.maxBodySize = maxBodySize;
		this.webSocket = webSocket;
		this.headerCustomizers = List.copyOf(headerCustomizers);
		Map<String, String> allowed = new java.util.HashMap<>(allowedMethods(paths));
		if (async != null) {
			allowed.put(async.path(), "POST");
		}
		this.allowed = Map.copyOf(allowed);
	}

	private static Map<String, String> allowedMethods(AdapterPaths paths) {
		Map<String, String> allowed = new java.util.HashMap<>();
		for (String path : paths.all()) {
			allowed.put(path, "GET, HEAD");
		}
		for (String path : List.of(paths.jsonRpc(), paths.batch(), paths.cmd())) {
			allowed.put(path, "POST");
		}
		if (paths.webSocket() != null) {
			allowed.put(paths.webSocket(), "GET");
		}
		return Map.copyOf(allowed);
	}

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		post(routes, this.paths.jsonRpc(), this.endpoints::jsonRpc);
		post(routes, this.paths.batch(), this.endpoints::batch);
		post(routes, this.paths.cmd(), this.endpoints::cmd);
		if (this.async != null) {
			post(routes, this.async.path(), this.async::handle);
		}
		get(routes, this.paths.commands(), (ar, caller) -> this.endpoints.commands(caller));
		routes.get(this.paths.health(), this::health);
		routes.head(this.paths.health(), this::health);
		get(routes, this.paths.heartbeat(), (ar, caller) -> this.endpoints.heartbeat(ar));
		get(routes, this.paths.openApi(), (ar, caller) -> this.endpoints.openApi(caller));
		get(routes, this.paths.openRpc(), this.endpoints::openRpc);
		get(routes, this.paths.docs(), (ar, caller) -> this.endpoints.docs(caller));
		String webSocket = this.paths.webSocket();
		if (webSocket != null) {
			routes.get(webSocket, (req, res) -> webSocket(req, res, webSocket));
		}
		// any other method on an adapter path: 405 here rather than a 404 from the
		// application's handler
		routes.route((req) -> this.allowed.containsKey(pathOf(req.uri())), this::methodNotAllowed);
		return routes;
	}

	private NettyOutbound health(HttpServerRequest req, HttpServerResponse res) {
		NettyAdapterRequest request = new NettyAdapterRequest(req, this.paths.health());
		return res.sendByteArray(complete(request, res,
				drain(req).then(this.authenticator.authenticate(request)).flatMap(this.endpoints::health)));
	}

	public List<String> mappedPaths() {
		if (this.async != null) {
			List<String> all = new java.util.ArrayList<>(this.paths.all());
			all.add(this.async.path());
			return all;
		}
		return this.paths.all();
	}

	// each route hands its own path to the request: resolving it from the URI again costs
	// more than the
	// authentication that reads it

	private void post(HttpServerRoutes routes, String path, BodyHandler handler) {
		routes.post(path, (req, res) -> post(req, res, path, handler));
	}

	private void get(HttpServerRoutes routes, String path, GetHandler handler) {
		routes.get(path, (req, res) -> get(req, res, path, handler));
		routes.head(path, (req, res) -> get(req, res, path, handler));
	}

	private NettyOutbound post(HttpServerRequest req, HttpServerResponse res, String path, BodyHandler handler) {
		NettyAdapterRequest request = new NettyAdapterRequest(req, path);
		long length = req.requestHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, -1);
		if (length > this.maxBodySize) {
			res.header(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
			return send(request, res, this.endpoints.bodyTooLarge(this.maxBodySize));
		}
		if (!RequestPolicies.isJson(req.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE))) {
			// what a cross-site form or no-cors fetch can send: refused before
			// authentication, the body
			// discarded unread so the keep-alive connection stays usable
			return res.sendByteArray(complete(request, res, drain(req).then(Mono.error(RequestPolicies.NOT_JSON))));
		}
		Mono<AdapterResponse> response = this.authenticator.authenticate(request)
			// a rejected request's body is discarded unread, so the keep-alive connection
			// stays usable
			.onErrorResume((ex) -> drain(req).then(Mono.error(ex)))
			.flatMap((caller) -> body(req, length).flatMap((body) -> handler.handle(request, caller, body)));
		return res.sendByteArray(complete(request, res, response));
	}

	private Mono<byte[]> body(HttpServerRequest req, long length) {
		if (length >= 0) {
			// the decoder holds the body to its Content-Length (checked against the
			// limit): usually one
			// chunk, copied once, without a composite buffer to gather it
			return req.receive().asByteArray().collectList().map(NettyAdapterRoutes::join);
		}
		return req.receive().asByteArray().reduce(new ByteArrayOutputStream(), (out, chunk) -> {
			if (out.size() + chunk.length > this.maxBodySize) {
				throw new BodyTooLargeException();
			}
			out.writeBytes(chunk);
			return out;
		}).map(ByteArrayOutputStream::toByteArray).defaultIfEmpty(NO_BODY);
	}

	private static byte[] join(List<byte[]> chunks) {
		if (chunks.size() == 1) {
			return chunks.get(0);
		}
		int size = 0;
		for (byte[] chunk : chunks) {
			size += chunk.length;
		}
		byte[] body = new byte[size];
		int at = 0;
		for (byte[] chunk : chunks) {
			System.arraycopy(chunk, 0, body, at, chunk.length);
			at += chunk.length;
		}
		return body;
	}

	private NettyOutbound get(HttpServerRequest req, HttpServerResponse res, String path, GetHandler handler) {
		NettyAdapterRequest request = new NettyAdapterRequest(req, path);
		Mono<AdapterResponse> response = drain(req).then(this.authenticator.authenticate(request))
			.map((caller) -> handler.handle(request, caller));
		return res.sendByteArray(complete(request, res, response));
	}

	/**
	 * A method the path does not take: 405 with {@code Allow} and a JSON-RPC error. The
	 * body, if any, is read to its end first, so the keep-alive connection stays usable
	 * and the answer never precedes the end of the request (see
	 * {@link PipelinedReadResumer}).
	 */
	private NettyOutbound methodNotAllowed(HttpServerRequest req, HttpServerResponse res) {
		String path = pathOf(req.uri());
		String allow = this.allowed.getOrDefault(path, "");
		AdapterResponse response = this.endpoints.methodNotAllowed(path, allow);
		return res
			.sendByteArray(complete(new NettyAdapterRequest(req, path), res, drain(req).then(Mono.just(response))));
	}

	/**
	 * Reads a request body to its end and drops it. Not {@code receive().then()}: that
	 * discards each buffer through Reactor's discard hook, which releases it, and Reactor
	 * Netty releases it again after handing it over; the second release fails the
	 * connection.
	 */
	static Mono<Void> drain(HttpServerRequest req) {
		return req.receive().map(ByteBuf::readableBytes).then();
	}

	/** The path of a request target, without its query. */
	static String pathOf(String uri) {
		int query = uri.indexOf('?');
		return (query >= 0) ? uri.substring(0, query) : uri;
	}

	/**
	 * Maps rejections and failures to responses and applies status and headers before the
	 * body is written.
	 */
	private Mono<byte[]> complete(AdapterRequest request, HttpServerResponse res, Mono<AdapterResponse> response) {
		return response.onErrorResume(this::failure).map((r) -> {
			res.status(r.status());
			headers(request, r).forEach(res::header);
			return r.body();
		});
	}

	private Map<String, String> headers(AdapterRequest request, AdapterResponse response) {
		return headers(request, response, this.headerCustomizers);
	}

	/**
	 * An endpoint's headers plus those of the {@link ResponseHeadersCustomizer}s (every
	 * adapter route).
	 */
	static Map<String, String> headers(AdapterRequest request, AdapterResponse response,
			List<ResponseHeadersCustomizer> customizers) {
		return response.allHeaders(request, customizers);
	}

	private Mono<AdapterResponse> failure(Throwable ex) {
		if (ex instanceof AdapterHttpException http) {
			return Mono.just(this.endpoints.error(http));
		}
		if (ex instanceof BodyTooLargeException) {
			return Mono.just(this.endpoints.bodyTooLarge(this.maxBodySize));
		}
		String errorId = ErrorIds.next();
		logger.error("Request failed [error_id={}]", errorId, ex);
		return Mono.just(this.endpoints.error(500, JsonRpcError.internal(errorId)));
	}

	private NettyOutbound send(AdapterRequest request, HttpServerResponse res, AdapterResponse response) {
		res.status(HttpResponseStatus.valueOf(response.status()));
		headers(request, response).forEach(res::header);
		return res.sendByteArray(Mono.just(response.body()));
	}

	private org.reactivestreams.Publisher<Void> webSocket(HttpServerRequest req, HttpServerResponse res, String path) {
		NettyAdapterRequest request = new NettyAdapterRequest(req, path);
		if (!isWebSocketUpgrade(req.requestHeaders())) {
			AdapterResponse upgradeRequired = this.endpoints.error(400,
					JsonRpcError.invalidRequest("WebSocket upgrade required"));
			return res.sendByteArray(complete(request, res, drain(req).then(Mono.just(upgradeRequired))));
		}
		if (!this.policies.allowsOrigin(request)) {
			// cross-site WebSocket hijacking: a page elsewhere would use the browser's
			// credentials
			return send(request, res, this.endpoints.error(RequestPolicies.ORIGIN_NOT_ALLOWED));
		}
		return this.authenticator.authenticate(request)
			.flatMap((caller) -> res.sendWebsocket(
					(in, out) -> this.webSocket.handle(request, caller, this.authenticator, in, out),
					this.webSocket.spec()))
			// a refused upgrade is answered once the request has been read to its end,
			// like every answer here
			.onErrorResume((ex) -> drain(req).then(failure(ex)).flatMap((r) -> Mono.from(send(request, res, r))));
	}

	/**
	 * Whether the request asks for a WebSocket upgrade. Not {@code req.isWebsocket()}:
	 * Reactor Netty sets that only once {@code sendWebsocket} has run, so it is false for
	 * every incoming upgrade request.
	 */
	static boolean isWebSocketUpgrade(HttpHeaders headers) {
		return headers.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
				&& headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
	}

	@FunctionalInterface
	interface BodyHandler {

		Mono<AdapterResponse> handle(AdapterRequest request, Caller caller, byte[] body);

	}

	@FunctionalInterface
	interface GetHandler {

		AdapterResponse handle(AdapterRequest request, Caller caller);

	}

	private static final class BodyTooLargeException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BodyTooLargeException() {
			super("body too large", null, false, false);
		}

	}

}
