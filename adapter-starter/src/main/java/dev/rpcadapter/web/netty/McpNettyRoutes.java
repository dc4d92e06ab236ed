package dev.rpcadapter.web.netty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.mcp.McpHttpRequest;
import dev.rpcadapter.mcp.McpHttpResponse;
import dev.rpcadapter.mcp.McpServer;
import dev.rpcadapter.support.ErrorIds;
import dev.rpcadapter.web.AdapterEndpoints;
import dev.rpcadapter.web.AdapterHttpException;
import dev.rpcadapter.web.AdapterRequest;
import dev.rpcadapter.web.AdapterResponse;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.ResponseHeadersCustomizer;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Serves {@code /mcp} (POST, GET, DELETE) as a Reactor Netty route, authenticated by the
 * same {@link RequestAuthenticator} as every other endpoint; the {@link McpServer} does
 * the protocol.
 */
public final class McpNettyRoutes implements NettyRouteProvider {

	private static final Logger logger = LoggerFactory.getLogger(McpNettyRoutes.class);

	private final McpServer server;

	private final AdapterEndpoints endpoints;

	private final RequestAuthenticator authenticator;

	private final String path;

	private final long maxBodySize;

	private final List<ResponseHeadersCustomizer> headerCustomizers;

	public McpNettyRoutes(McpServer server, AdapterEndpoints endpoints, RequestAuthenticator authenticator, String path,
			long maxBodySize, List<ResponseHeadersCustomizer> headerCustomizers) {
		this.server = server;
		this.endpoints = endpoints;
		this.authenticator = authenticator;
		this.path = path;
		this.maxBodySize = maxBodySize;
		this.headerCustomizers = List.copyOf(headerCustomizers);
	}

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		routes.post(this.path, this::post);
		routes.get(this.path, (req, res) -> serve(req, res, (request) -> Mono.just(this.server.get(request))));
		routes.delete(this.path, (req, res) -> serve(req, res, (request) -> Mono.just(this.server.delete(request))));
		return routes;
	}

	private Publisher<Void> post(HttpServerRequest req, HttpServerResponse res) {
		long length = req.requestHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, -1);
		if (length > this.maxBodySize) {
			return write(new NettyAdapterRequest(req, this.path), res,
					Mono.just(adapt(this.endpoints.bodyTooLarge(this.maxBodySize))));
		}
		String type = req.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE);
		if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			return write(new NettyAdapterRequest(req, this.path), res, Mono.just(adapt(this.endpoints.error(415,
					JsonRpcError.of(ErrorCodes.INVALID_REQUEST, "Unsupported Media Type: POST application/json")))));
		}
		return serve(req, res, (request) -> body(req).flatMap((body) -> this.server.post(request, body)));
	}

	/**
	 * The body, held to the size limit also when it comes chunked (without a
	 * Content-Length).
	 */
	private Mono<byte[]> body(HttpServerRequest req) {
		return req.receive().asByteArray().reduce(new java.io.ByteArrayOutputStream(), (out, chunk) -> {
			if (out.size() + chunk.length > this.maxBodySize) {
				throw new AdapterHttpException(413, JsonRpcError.of(ErrorCodes.INVALID_REQUEST,
						"Invalid Request: body larger than " + this.maxBodySize + " bytes"));
			}
			out.writeBytes(chunk);
			return out;
		}).map(java.io.ByteArrayOutputStream::toByteArray).defaultIfEmpty(new byte[0]);
	}

	private Publisher<Void> serve(HttpServerRequest req, HttpServerResponse res,
			java.util.function.Function<McpHttpRequest, Mono<McpHttpResponse>> handler) {
		NettyAdapterRequest request = new NettyAdapterRequest(req, this.path);
		Mono<McpHttpResponse> response = this.authenticator.authenticate(request)
			.onErrorResume((ex) -> req.receive().then(Mono.error(ex)))
			.flatMap((caller) -> handler.apply(mcpRequest(req, request, caller)))
			.onErrorResume(this::failure);
		return write(request, res, response);
	}

	private static McpHttpRequest mcpRequest(HttpServerRequest req, AdapterRequest request, Caller caller) {
		var address = request.remoteAddress();
		return new McpHttpRequest(caller, (name) -> req.requestHeaders().get(name),
				(address != null) ? address.getHostString() : null);
	}

	private Publisher<Void> write(AdapterRequest request, HttpServerResponse res, Mono<McpHttpResponse> response) {
		return response.flatMap((r) -> {
			res.status(r.status());
			headers(request, r).forEach(res::header);
			if (r.events() != null) {
				return Mono.from(res.sendByteArray(r.events()).then());
			}
			return Mono.from(res.sendByteArray(Mono.just(r.body())).then());
		});
	}

	private Map<String, String> headers(AdapterRequest request, McpHttpResponse response) {
		Map<String, String> headers = new LinkedHashMap<>(response.headers());
		headers.put("X-Content-Type-Options", "nosniff");
		for (ResponseHeadersCustomizer customizer : this.headerCustomizers) {
			customizer.customize(request, headers);
		}
		return headers;
	}

	private Mono<McpHttpResponse> failure(Throwable ex) {
		if (ex instanceof AdapterHttpException http) {
			return Mono.just(adapt(this.endpoints.error(http)));
		}
		String errorId = ErrorIds.next();
		logger.error("MCP request failed [error_id={}]", errorId, ex);
		return Mono.just(adapt(this.endpoints.error(500, JsonRpcError.internal(errorId))));
	}

	private static McpHttpResponse adapt(AdapterResponse response) {
		Map<String, String> headers = new LinkedHashMap<>(response.headers());
		headers.put("Content-Type", response.contentType());
		return new McpHttpResponse(response.status(), headers, response.body(), null);
	}

}
