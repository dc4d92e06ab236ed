package dev.rpcadapter.jsonrpc;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A JSON-RPC response: a result or an error, for one id. */
public sealed interface JsonRpcResponse {

	JsonRpcId id();

	static JsonRpcResponse success(JsonRpcId id, @Nullable JsonNode result) {
		return new Success(id, result);
	}

	static JsonRpcResponse failure(JsonRpcId id, JsonRpcError error) {
		return new Failure(id, error);
	}

	/** A successful response; a {@code null} result is written as JSON {@code null}. */
	record Success(JsonRpcId id, @Nullable JsonNode result) implements JsonRpcResponse {
	}

	/** An error response. */
	record Failure(JsonRpcId id, JsonRpcError error) implements JsonRpcResponse {
	}

}
