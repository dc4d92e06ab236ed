package dev.rpcadapter.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collects requests, sends them as one array, and puts the responses back in call order
 * by id.
 */
final class DefaultRpcBatch implements RpcBatch {

	private final JsonRpcCodec codec;

	private final LongSupplier ids;

	private final Function<JsonNode, CompletableFuture<@Nullable JsonNode>> transport;

	private final ArrayNode requests;

	private final List<PendingCall> calls = new ArrayList<>();

	private boolean sent;

	DefaultRpcBatch(JsonRpcCodec codec, LongSupplier ids,
			Function<JsonNode, CompletableFuture<@Nullable JsonNode>> transport) {
		this.codec = codec;
		this.ids = ids;
		this.transport = transport;
		this.requests = codec.mapper().createArrayNode();
	}

	@Override
	public RpcBatch call(String method, @Nullable Object params) {
		long id = this.ids.getAsLong();
		ObjectNode request = this.codec.request(method, params, id);
		this.requests.add(request);
		this.calls.add(new PendingCall(method, JsonRpcCodec.idKey(request.get("id")), id));
		return this;
	}

	@Override
	public RpcBatch notify(String method, @Nullable Object params) {
		this.requests.add(this.codec.request(method, params, null));
		return this;
	}

	@Override
	public List<RpcResult> send() {
		return Futures.join(sendAsync());
	}

	@Override
	public CompletableFuture<List<RpcResult>> sendAsync() {
		if (this.sent) {
			throw new IllegalStateException("This batch was already sent; create a new one with batch()");
		}
		if (this.requests.isEmpty()) {
			throw new IllegalStateException("Add at least one call or notification before sending a batch");
		}
		this.sent = true;
		return this.transport.apply(this.requests).thenApply(this::assemble);
	}

	List<RpcResult> assemble(@Nullable JsonNode responses) {
		if (responses == null) {
			if (!this.calls.isEmpty()) {
				throw new RpcProtocolException("Batch with " + this.calls.size() + " call(s) got no response body");
			}
			return List.of();
		}
		if (responses.isObject() && responses.get("error") != null && responses.get("error").isObject()) {
			throw RpcErrorException.of(RpcError.fromJson(responses.get("error")), 200, null);
		}
		if (!responses.isArray()) {
			throw new RpcProtocolException(
					"Expected a JSON array in answer to a batch, got " + responses.getNodeType());
		}
		Map<String, JsonNode> byId = JsonRpcCodec.indexById(responses);
		List<RpcResult> results = new ArrayList<>(this.calls.size());
		for (PendingCall call : this.calls) {
			JsonNode response = byId.get(call.idKey());
			if (response == null) {
				throw new RpcProtocolException(
						"Batch response has no entry for call " + call.id() + " (" + call.method() + ")");
			}
			results.add(JsonRpcCodec.toResult(call.method(), response));
		}
		return List.copyOf(results);
	}

	private record PendingCall(String method, String idKey, long id) {
	}

}
