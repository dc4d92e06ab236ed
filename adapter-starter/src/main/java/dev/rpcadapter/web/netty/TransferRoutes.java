package dev.rpcadapter.web.netty;

import java.util.List;
import java.util.Map;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.support.ErrorIds;
import dev.rpcadapter.transfer.Transfers;
import dev.rpcadapter.web.AdapterEndpoints;
import dev.rpcadapter.web.AdapterHttpException;
import dev.rpcadapter.web.AdapterRequest;
import dev.rpcadapter.web.AdapterResponse;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.ResponseHeadersCustomizer;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The raw transfer endpoints as Reactor Netty routes: {@code PUT
 * <path>/{id}/chunks/{index}} streams a chunk to the store, {@code GET <path>/{id}}
 * streams a completed transfer (one {@code Range} honoured). Authenticated by the same
 * {@link RequestAuthenticator} as every endpoint; a caller needs permission for
 * {@code transfer_upload_chunk} (PUT) or {@code transfer_download_chunk} (GET).
 */
public final class TransferRoutes implements NettyRouteProvider {

	private static final Logger logger = LoggerFactory.getLogger(TransferRoutes.class);

	private final Transfers transfers;

	private final RequestAuthenticator authenticator;

	private final CommandAuthorizer authorizer;

	private final AdapterEndpoints endpoints;

	private final String path;

	private final List<ResponseHeadersCustomizer> headerCustomizers;

	public TransferRoutes(Transfers transfers, RequestAuthenticator authenticator, CommandAuthorizer authorizer,
			AdapterEndpoints endpoints, String path, List<ResponseHeadersCustomizer> headerCustomizers) {
		this.transfers = transfers;
		this.authenticator = authenticator;
		this.authorizer = authorizer;
		this.endpoints = endpoints;
		this.path = path;
		this.headerCustomizers = List.copyOf(headerCustomizers);
	}

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		String chunk = this.path + "/{id}/chunks/{index}";
		String file = this.path + "/{id}";
		ChunkUploads uploads = new ChunkUploads(this.transfers);
		Downloads downloads = new Downloads(this.transfers);
		routes.put(chunk, (req, res) -> handle(req, res, chunk, "transfer_upload_chunk",
				(caller, request) -> uploads.upload(req, caller).map((body) -> AdapterResponse.json(200, body))));
		routes.get(file, (req, res) -> handle(req, res, file, "transfer_download_chunk",
				(caller, request) -> downloads.download(req, res, caller, (head) -> headers(request, head))));
		return routes;
	}

	/** The mapped path patterns, for the startup log. */
	public List<String> mappedPaths() {
		return List.of("PUT " + this.path + "/{id}/chunks/{index}", "GET " + this.path + "/{id}");
	}

	private Publisher<Void> handle(HttpServerRequest req, HttpServerResponse res, String route, String command,
			java.util.function.BiFunction<Caller, NettyAdapterRequest, Mono<AdapterResponse>> handler) {
		NettyAdapterRequest request = new NettyAdapterRequest(req, route);
		Mono<AdapterResponse> response = this.authenticator.authenticate(request).flatMap((caller) -> {
			if (!this.authorizer.isAllowed(caller, command)) {
				return Mono.error(new AdapterHttpException(403, JsonRpcError.of(ErrorCodes.PERMISSION_DENIED,
						"Permission denied: '" + caller.principal() + "' may not call '" + command + "'")));
			}
			return handler.apply(caller, request);
		});
		return response.onErrorResume(this::failure).flatMap((r) -> {
			if (r == Downloads.SENT) {
				return Mono.empty();
			}
			res.status(HttpResponseStatus.valueOf(r.status()));
			headers(request, r).forEach(res::header);
			if (r.status() >= 400) {
				// the rest of a rejected body is not read: close rather than drain it
				res.header(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
			}
			return Mono.from(res.sendByteArray(Mono.just(r.body())));
		});
	}

	private Map<String, String> headers(AdapterRequest request, AdapterResponse response) {
		return NettyAdapterRoutes.headers(request, response, this.headerCustomizers);
	}

	private Mono<AdapterResponse> failure(Throwable ex) {
		if (ex instanceof AdapterHttpException http) {
			return Mono.just(this.endpoints.error(http));
		}
		if (ex instanceof JsonRpcException rpc) {
			return Mono.just(this.endpoints.error(statusOf(rpc.error()), rpc.error()));
		}
		String errorId = ErrorIds.next();
		logger.error("Transfer request failed [error_id={}]", errorId, ex);
		return Mono.just(this.endpoints.error(500, JsonRpcError.internal(errorId)));
	}

	/**
	 * 404 for an unknown (or another caller's) transfer, 400 for other invalid params.
	 */
	private static int statusOf(JsonRpcError error) {
		if (error.code() != ErrorCodes.INVALID_PARAMS) {
			return 400;
		}
		String message = (error.data() != null) ? error.data().path("errors").path(0).path("message").asString("") : "";
		return message.equals("unknown transfer") ? 404 : 400;
	}

}
