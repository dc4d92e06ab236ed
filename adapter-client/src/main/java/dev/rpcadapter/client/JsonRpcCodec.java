package dev.rpcadapter.client;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds JSON-RPC 2.0 request objects and reads responses.
 */
final class JsonRpcCodec {

	private final JsonMapper mapper;

	JsonRpcCodec(JsonMapper mapper) {
		this.mapper = mapper;
	}

	JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * @param id the request id, {@code null} for a notification
	 */
	ObjectNode request(String method, @Nullable Object params, @Nullable Long id) {
		if (method == null || method.isEmpty()) {
			throw new IllegalArgumentException("method must not be empty");
		}
		ObjectNode request = this.mapper.createObjectNode();
		request.put("jsonrpc", "2.0");
		request.put("method", method);
		JsonNode paramsNode = params(params);
		if (paramsNode != null) {
			request.set("params", paramsNode);
		}
		if (id != null) {
			request.put("id", id);
		}
		return request;
	}

	/**
	 * @return params as a JSON object (by name) or array (by position), {@code null} for
	 * none
	 * @throws IllegalArgumentException if they serialize to anything else
	 */
	@Nullable JsonNode params(@Nullable Object params) {
		if (params == null) {
			return null;
		}
		JsonNode node = (params instanceof JsonNode json) ? json : this.mapper.valueToTree(params);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject() && !node.isArray()) {
			throw new IllegalArgumentException("params must serialize to a JSON object (by name) or array "
					+ "(by position), but " + params.getClass().getName() + " gave " + node.getNodeType());
		}
		return node;
	}

	/**
	 * Reads a single response to the request with {@code expectedId}.
	 * @throws RpcErrorException if it carries an error
	 * @throws RpcProtocolException if it is not a valid response to that request
	 */
	JsonNode result(@Nullable JsonNode response, long expectedId) {
		if (response == null || !response.isObject()) {
			throw new RpcProtocolException("Expected a JSON-RPC response object, got "
					+ ((response == null) ? "no body" : response.getNodeType().toString()));
		}
		JsonNode error = response.get("error");
		if (error != null && error.isObject()) {
			throw RpcErrorException.of(RpcError.fromJson(error), 200, null);
		}
		String id = idKey(response.path("id"));
		if (!id.equals(idKey(this.mapper.getNodeFactory().numberNode(expectedId)))) {
			throw new RpcProtocolException(
					"Response id " + response.path("id") + " does not match request id " + expectedId);
		}
		if (!response.has("result")) {
			throw new RpcProtocolException("JSON-RPC response has neither result nor error: " + response);
		}
		return response.get("result");
	}

	/** Converts one response of a batch. */
	static RpcResult toResult(String method, JsonNode response) {
		JsonNode error = response.get("error");
		if (error != null && error.isObject()) {
			return new RpcResult(method, null, RpcError.fromJson(error));
		}
		if (!response.has("result")) {
			throw new RpcProtocolException("JSON-RPC response has neither result nor error: " + response);
		}
		return new RpcResult(method, response.get("result"), null);
	}

	/** Indexes batch responses by normalized id; responses with a null id are skipped. */
	static Map<String, JsonNode> indexById(JsonNode responses) {
		Map<String, JsonNode> byId = new HashMap<>();
		for (JsonNode response : responses) {
			JsonNode id = response.path("id");
			if (!id.isNull() && !id.isMissingNode()) {
				byId.put(idKey(id), response);
			}
		}
		return byId;
	}

	/**
	 * Normalizes an id so {@code 7}, {@code 7.0} and a long 7 compare equal but the
	 * string {@code "7"} does not.
	 */
	static String idKey(JsonNode id) {
		if (id.isNumber()) {
			return "n:" + id.decimalValue().stripTrailingZeros().toPlainString();
		}
		if (id.isString()) {
			return "s:" + id.stringValue();
		}
		return "x:" + id;
	}

}
