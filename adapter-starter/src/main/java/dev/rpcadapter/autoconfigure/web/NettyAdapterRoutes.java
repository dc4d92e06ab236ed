package dev.rpcadapter.autoconfigure.web;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.core.internal.ErrorIds;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import reactor.core.publisher.Mono;
import reactor.netty.NettyOutbound;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Serves the adapter's endpoints as Reactor Netty routes, ahead of Spring's dispatcher (the
 * per-request cost of the WebFlux handler chain is larger than all JSON-RPC work). Authentication
 * runs here for every request through the {@link RequestAuthenticator}.
 */
public final class NettyAdapterRoutes implements NettyRouteProvider {

	private static final Logger logger = LoggerFactory.getLogger(NettyAdapterRoutes.class);

	private final AdapterEndpoints endpoints;

	private final RequestAuthenticator authenticator;

	private final AdapterPaths paths;

	private final long maxBodySize;

	private final WebSocketSessionHandler webSocket;

	private final List<ResponseHeadersCustomizer> headerCustomizers;

	public NettyAdapterRoutes(AdapterEndpoints endpoints, RequestAuthenticator authenticator, AdapterPaths paths,
			long maxBodySize, WebSocketSessionHandler webSocket) {
		this(endpoints, authenticator, paths, maxBodySize, webSocket, List.of());
	}

	public NettyAdapterRoutes(AdapterEndpoints endpoints, RequestAuthenticator authenticator, AdapterPaths paths,
			long maxBodySize, WebSocketSessionHandler webSocket, List<ResponseHeadersCustomizer> headerCustomizers) {
		this.endpoints = endpoints;
		this.authenticator = authenticator;
		this.paths = paths;
		this.maxBodySize = maxBodySize;
		this.webSocket = webSocket;
		this.headerCustomizers = List.copyOf(headerCustomizers);
	}

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		post(routes, this.paths.jsonRpc(), this.endpoints::jsonRpc);
		post(routes, this.paths.batch(), this.endpoints::batch);
		post(routes, this.paths.cmd(), this.endpoints::cmd);
		get(routes, this.paths.commands(), (ar, caller) -> this.endpoints.commands(caller));
		routes.get(this.paths.health(), (req, res) -> {
			NettyAdapterRequest request = new NettyAdapterRequest(req, this.paths.health());
			return res.sendByteArray(complete(request, res, req.receive().then(this.authenticator.authenticate(request))
				.flatMap(this.endpoints::health)));
		});
		get(routes, this.paths.heartbeat(), (ar, caller) -> this.endpoints.heartbeat(ar));
		get(routes, this.paths.openApi(), (ar, caller) -> this.endpoints.openApi(caller));
		get(routes, this.paths.openRpc(), (ar, caller) -> this.endpoints.openRpc(caller));
		get(routes, this.paths.docs(), (ar, caller) -> this.endpoints.docs(caller));
		String webSocket = this.paths.webSocket();
		if (webSocket != null) {
			routes.get(webSocket, (req, res) -> webSocket(req, res, webSocket));
		}
		return routes;
	}

	List<String> mappedPaths() {
		return this.paths.all();
	}

	// each route hands its own path to the request: resolving it from the URI again costs more than the
	// authentication that reads it

	private void post(HttpServerRoutes routes, String path, BodyHandler handler) {
		routes.post(path, (req, res) -> post(req, res, path, handler));
	}

	private void get(HttpServerRoutes routes, String path, GetHandler handler) {
		routes.get(path, (req, res) -> get(req, res, path, handler));
	}

	private NettyOutbound post(HttpServerRequest req, HttpServerResponse res, String path, BodyHandler handler) {
		NettyAdapterRequest request = new NettyAdapterRequest(req, path);
		long length = req.requestHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, -1);
		if (length > this.maxBodySize) {
			res.header(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
			return send(request, res, this.endpoints.bodyTooLarge(this.maxBodySize));
		}
		Mono<AdapterResponse> response = this.authenticator.authenticate(request)
			// a rejected request's body is discarded unread, so the keep-alive connection stays usable
			.onErrorResume((ex) -> req.receive().asByteArray().then(Mono.error(ex)))
			.flatMap((caller) -> body(req, length).flatMap((body) -> handler.handle(request, caller, body)));
		return res.sendByteArray(complete(request, res, response));
	}

	private Mono<byte[]> body(HttpServerRequest req, long length) {
		if (length >= 0) {
			// the decoder holds the body to its Content-Length (checked against the limit): usually one
			// chunk, copied once, without a composite buffer to gather it
			return req.receive().asByteArray().collectList().map(NettyAdapterRoutes::join);
		}
		return req.receive().asByteArray()
			.reduce(new ByteArrayOutputStream(), (out, chunk) -> {
				if (out.size() + chunk.length > this.maxBodySize) {
					throw new BodyTooLargeException();
				}
				out.writeBytes(chunk);
				return out;
			})
			.map(ByteArrayOutputStream::toByteArray)
			.defaultIfEmpty(AdapterResponse.EMPTY);
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
		Mono<AdapterResponse> response = req.receive().then(this.authenticator.authenticate(request))
			.map((caller) -> handler.handle(request, caller));
		return res.sendByteArray(complete(request, res, response));
	}

	/** Maps rejections and failures to responses and applies status and headers before the body is written. */
	private Mono<byte[]> complete(AdapterRequest request, HttpServerResponse res, Mono<AdapterResponse> response) {
		return response.onErrorResume(this::failure).map((r) -> {
			res.status(r.status());
			headers(request, r).forEach(res::header);
			return r.body();
		});
	}

	/** The endpoint's headers plus those of the {@link ResponseHeadersCustomizer}s. */
	private Map<String, String> headers(AdapterRequest request, AdapterResponse response) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (!response.contentType().isEmpty()) {
			headers.put("Content-Type", response.contentType());
		}
		headers.put("X-Content-Type-Options", "nosniff");
		headers.putAll(response.headers());
		for (ResponseHeadersCustomizer customizer : this.headerCustomizers) {
			customizer.customize(request, headers);
		}
		return headers;
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
			return send(request, res, this.endpoints.error(400, JsonRpcError.invalidRequest("WebSocket upgrade required")));
		}
		return this.authenticator.authenticate(request)
			.flatMap((caller) -> res.sendWebsocket((in, out) -> this.webSocket.handle(request, caller, this.authenticator, in, out),
					this.webSocket.spec()))
			.onErrorResume((ex) -> failure(ex).flatMap((r) -> Mono.from(send(request, res, r))));
	}

	/**
	 * Whether the request asks for a WebSocket upgrade. Not {@code req.isWebsocket()}: Reactor
	 * Netty sets that only once {@code sendWebsocket} has run, so it is false for every incoming
	 * upgrade request.
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
