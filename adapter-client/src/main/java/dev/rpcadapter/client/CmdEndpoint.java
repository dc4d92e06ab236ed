package dev.rpcadapter.client;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code POST /cmd} endpoint: {@code {"command","params"}} → {@code {"result"}} or
 * {@code {"error":{code,message,data}}}.
 */
final class CmdEndpoint {

	private final HttpJsonExchange exchange;

	private final JsonRpcCodec codec;

	private final URI target;

	CmdEndpoint(HttpJsonExchange exchange, JsonRpcCodec codec, URI target) {
		this.exchange = exchange;
		this.codec = codec;
		this.target = target;
	}

	CompletableFuture<JsonNode> call(String command, @Nullable Object params) {
		return this.exchange.post(this.target, body(command, params)).thenApply(CmdEndpoint::read);
	}

	ObjectNode body(String command, @Nullable Object params) {
		if (command == null || command.isEmpty()) {
			throw new IllegalArgumentException("command must not be empty");
		}
		JsonNode paramsNode = this.codec.params(params);
		if (paramsNode != null && !paramsNode.isObject()) {
			throw new IllegalArgumentException("/cmd takes params by name (a JSON object), not by position");
		}
		ObjectNode body = this.codec.mapper().createObjectNode();
		body.put("command", command);
		body.set("params", (paramsNode != null) ? paramsNode : this.codec.mapper().createObjectNode());
		return body;
	}

	static JsonNode read(@Nullable JsonNode response) {
		if (response == null || !response.isObject()) {
			throw new RpcProtocolException("/cmd answered without a JSON object");
		}
		JsonNode error = response.get("error");
		if (error != null && error.isObject()) {
			throw RpcErrorException.of(RpcError.fromJson(error), 200, null);
		}
		if (!response.has("result")) {
			throw new RpcProtocolException("/cmd response has neither result nor error: " + response);
		}
		return response.get("result");
	}

}
