package dev.rpcadapter.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A JSON-RPC 2.0 error object as sent by the server: {@code {"code", "message",
 * "data"?}}.
 *
 * @param code the error code, see {@link RpcErrorCodes}
 * @param message the short description the server gave
 * @param data the optional {@code data} member, {@code null} when absent
 */
public record RpcError(int code, String message, @Nullable JsonNode data) {

	public RpcError {
		Objects.requireNonNull(message, "message");
	}

	/**
	 * Reads an error object. Missing members are tolerated: a missing code reads as
	 * {@link RpcErrorCodes#INTERNAL_ERROR}, a missing message as an empty string.
	 * @param node the JSON error object
	 * @return the error
	 */
	public static RpcError fromJson(JsonNode node) {
		int code = node.path("code").asInt(RpcErrorCodes.INTERNAL_ERROR);
		JsonNode message = node.path("message");
		String text = message.isString() ? message.stringValue() : "";
		JsonNode data = node.get("data");
		return new RpcError(code, text, (data == null || data.isNull()) ? null : data);
	}

	@Override
	public String toString() {
		return "RpcError[" + this.code + " " + this.message + ((this.data != null) ? ", data=" + this.data : "") + "]";
	}

}
