package dev.rpcadapter.mcp;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builds JSON-RPC messages as trees. */
final class Rpc {

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private Rpc() {
	}

	static ObjectNode object() {
		return NODES.objectNode();
	}

	static ObjectNode result(JsonNode id, JsonNode result) {
		ObjectNode message = object().put("jsonrpc", "2.0");
		message.set("id", id);
		message.set("result", result);
		return message;
	}

	static ObjectNode error(@Nullable JsonNode id, int code, String text) {
		ObjectNode message = object().put("jsonrpc", "2.0");
		message.set("id", (id != null) ? id : NODES.nullNode());
		message.set("error", object().put("code", code).put("message", text));
		return message;
	}

	static ObjectNode notification(String method, ObjectNode params) {
		ObjectNode message = object().put("jsonrpc", "2.0").put("method", method);
		message.set("params", params);
		return message;
	}

	/** A text field of an object, or {@code null}. */
	static @Nullable String text(@Nullable JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && value.isString()) ? value.asString() : null;
	}

	static String requireText(ObjectNode params, String field) {
		String value = text(params, field);
		if (value == null) {
			throw McpException.invalidParams("params." + field + " must be a string");
		}
		return value;
	}

}
