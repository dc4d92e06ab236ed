package dev.rpcadapter.jsonrpc;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC error object: {@code {"code", "message", "data"?}}.
 *
 * @param code one of {@link ErrorCodes} or an application code
 * @param message a short, client-safe description
 * @param data optional structured details
 */
public record JsonRpcError(int code, String message, @Nullable JsonNode data) {

	public static JsonRpcError of(int code, String message) {
		return new JsonRpcError(code, message, null);
	}

	public static JsonRpcError parseError(String detail) {
		return of(ErrorCodes.PARSE_ERROR, "Parse error: " + detail);
	}

	public static JsonRpcError invalidRequest(String detail) {
		return of(ErrorCodes.INVALID_REQUEST, "Invalid Request: " + detail);
	}

	public static JsonRpcError methodNotFound(String method) {
		return of(ErrorCodes.METHOD_NOT_FOUND, "Method not found: " + method);
	}

	/** Invalid params, with {@code data.errors = [{"param", "message"}]}. */
	public static JsonRpcError invalidParams(List<ParamError> errors) {
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		var array = data.putArray("errors");
		for (ParamError error : errors) {
			array.addObject().put("param", error.param()).put("message", error.message());
		}
		String first = errors.isEmpty() ? "" : ": " + errors.get(0).param() + ": " + errors.get(0).message();
		return new JsonRpcError(ErrorCodes.INVALID_PARAMS, "Invalid params" + first, data);
	}

	/**
	 * The generic internal error; {@code data.error_id} correlates with the server log.
	 */
	public static JsonRpcError internal(String errorId) {
		ObjectNode data = JsonNodeFactory.instance.objectNode().put("error_id", errorId);
		return new JsonRpcError(ErrorCodes.INTERNAL_ERROR, "Internal error", data);
	}

	public static JsonRpcError withData(int code, String message, Map<String, ?> data) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		data.forEach((key, value) -> node.putPOJO(key, value));
		return new JsonRpcError(code, message, node);
	}

	/** One rejected parameter. */
	public record ParamError(String param, String message) {
	}
}
