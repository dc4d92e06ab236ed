package dev.rpcadapter.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the adapter's endpoints are mapped.
 *
 * @param jsonRpc JSON-RPC endpoint
 * @param batch batch-only endpoint
 * @param cmd REST-style command endpoint
 * @param commands command catalogue
 * @param health health endpoint
 * @param heartbeat heartbeat endpoint
 * @param openApi OpenAPI document
 * @param openRpc OpenRPC document
 * @param docs docs page
 * @param webSocket WebSocket endpoint, or {@code null} when disabled
 */
public record AdapterPaths(String jsonRpc, String batch, String cmd, String commands, String health, String heartbeat,
		String openApi, String openRpc, String docs, @Nullable String webSocket) {

	public List<String> all() {
		List<String> all = new ArrayList<>(List.of(this.jsonRpc, this.batch, this.cmd, this.commands, this.health,
				this.heartbeat, this.openApi, this.openRpc, this.docs));
		if (this.webSocket != null) {
			all.add(this.webSocket);
		}
		return all;
	}
}
