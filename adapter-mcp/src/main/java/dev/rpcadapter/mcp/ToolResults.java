package dev.rpcadapter.mcp;

import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code CallToolResult}s: a command's value as text (plus structured content), or its
 * failure.
 */
final class ToolResults {

	private ToolResults() {
	}

	/**
	 * A returned value: its JSON as text, and as {@code structuredContent} when it is an
	 * object.
	 */
	static ObjectNode success(@Nullable JsonNode value) {
		String text = (value == null || value.isNull()) ? "null"
				: value.isString() ? value.asString() : value.toString();
		ObjectNode result = text(text, false);
		if (value != null && value.isObject()) {
			result.set("structuredContent", value);
		}
		return result;
	}

	/**
	 * A command's own MCP content (one {@code ToolContent} object or an array of them).
	 */
	static ObjectNode content(JsonNode value) {
		ObjectNode result = Rpc.object();
		ArrayNode content = result.putArray("content");
		if (value.isArray()) {
			value.forEach(content::add);
		}
		else {
			content.add(value);
		}
		return result;
	}

	/**
	 * A failed call (validation, command error, timeout): a tool error the model can read
	 * and act on.
	 */
	static ObjectNode error(JsonRpcError error) {
		StringBuilder text = new StringBuilder(error.message());
		JsonNode data = error.data();
		if (error.code() == ErrorCodes.INVALID_PARAMS && data != null && data.has("errors")) {
			for (JsonNode e : data.get("errors")) {
				text.append("\n- ")
					.append(e.path("param").asString(""))
					.append(": ")
					.append(e.path("message").asString(""));
			}
		}
		else if (data != null && !data.isNull()) {
			text.append("\n").append(data);
		}
		text.append(" (error ").append(error.code()).append(')');
		return text(text.toString(), true);
	}

	static ObjectNode text(String text, boolean isError) {
		ObjectNode result = Rpc.object();
		ArrayNode content = result.putArray("content");
		content.addObject().put("type", "text").put("text", text);
		if (isError) {
			result.put("isError", true);
		}
		return result;
	}

}
