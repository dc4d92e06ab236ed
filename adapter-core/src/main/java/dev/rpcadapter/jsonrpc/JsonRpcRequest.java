package dev.rpcadapter.jsonrpc;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A valid JSON-RPC request or notification.
 *
 * @param method the method name
 * @param params an object, an array, or {@code null} when absent
 * @param id the id, or {@code null} for a notification
 */
public record JsonRpcRequest(String method, @Nullable JsonNode params, @Nullable JsonRpcId id) {

	public boolean isNotification() {
		return this.id == null;
	}
}
