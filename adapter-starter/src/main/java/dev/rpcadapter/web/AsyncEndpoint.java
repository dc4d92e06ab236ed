package dev.rpcadapter.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.dispatch.AsyncDeliveries;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.support.ErrorIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/async}: a JSON-RPC request or batch accepted under a
 * {@code deliver_id} (header {@code X-Deliver-Id} or query parameter {@code deliver_id};
 * generated when absent) and answered at once with {@code 202 {"deliver_id",
 * "expires_at", "status": "accepted"}}; the call runs through the same dispatcher, and
 * its response is delivered to {@code /ws} subscribers of the id.
 */
public final class AsyncEndpoint {

	private static final Logger logger = LoggerFactory.getLogger(AsyncEndpoint.class);

	public static final String DELIVER_ID_HEADER = "X-Deliver-Id";

	private final String path;

	private final AsyncDeliveries deliveries;

	private final AdapterEndpoints endpoints;

	public AsyncEndpoint(String path, AsyncDeliveries deliveries, AdapterEndpoints endpoints) {
		this.path = path;
		this.deliveries = deliveries;
		this.endpoints = endpoints;
	}

	public String path() {
		return this.path;
	}

	public Mono<AdapterResponse> handle(AdapterRequest request, Caller caller, byte[] body) {
		JsonNode message;
		try {
			message = this.endpoints.dispatcher().read(body);
		}
		catch (JsonRpcException ex) {
			return Mono.just(this.endpoints.error(200, ex.error()));
		}
		String header = request.header(DELIVER_ID_HEADER);
		String requested = (header != null) ? header : request.queryParameter("deliver_id");
		// the store may be a database: never on the event loop
		return Mono.fromCallable(() -> this.deliveries.accept(requested, caller))
			.subscribeOn(Schedulers.boundedElastic())
			.map((accepted) -> {
				run(accepted.deliverId(), message, request, caller);
				Map<String, Object> answer = new LinkedHashMap<>();
				answer.put("status", "accepted");
				answer.put("deliver_id", accepted.deliverId());
				answer.put("expires_at", accepted.expiresAt().toString());
				answer.put("subscribe", Map.of("action", "subscribe", "deliver_id", accepted.deliverId()));
				return AdapterResponse.json(202, this.endpoints.dispatcher().mapper().writeValueAsBytes(answer));
			})
			.onErrorResume(JsonRpcException.class, (ex) -> Mono
				.just(this.endpoints.error((ex.error().code() == ErrorCodes.QUEUE_FULL) ? 429 : 400, ex.error())));
	}

	/** Runs the call detached from the HTTP exchange and delivers whatever it answers. */
	private void run(String deliverId, JsonNode message, AdapterRequest request, Caller caller) {
		this.endpoints.dispatcher()
			.handle(message, this.endpoints.context(request, caller, "async"))
			.map((bytes) -> Optional.of(new String(bytes, StandardCharsets.UTF_8)))
			.defaultIfEmpty(Optional.empty())
			.publishOn(Schedulers.boundedElastic())
			.subscribe((response) -> this.deliveries.deliver(deliverId, response.orElse(null)),
					(failure) -> this.deliveries.deliver(deliverId, failed(deliverId, failure)));
	}

	private String failed(String deliverId, Throwable failure) {
		String errorId = ErrorIds.next();
		logger.error("Async call {} failed [error_id={}]", deliverId, errorId, failure);
		return new String(this.endpoints.dispatcher().writeError(JsonRpcError.internal(errorId)),
				StandardCharsets.UTF_8);
	}

}
