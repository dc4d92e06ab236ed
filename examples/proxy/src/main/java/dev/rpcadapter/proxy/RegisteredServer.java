package dev.rpcadapter.proxy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One server in the catalogue.
 *
 * @param serverId its id
 * @param serverUrl where it is called
 * @param capabilities what it announced
 * @param metadata what it announced (protocol, host, port, jsonrpc_path, commands_path,
 * ...)
 * @param uuid its process instance id
 * @param registeredAt when it registered
 * @param lastHeartbeat when it last registered or sent a heartbeat
 * @param owner the principal that registered it: only it may register the id again, send
 * its heartbeats and unregister it (not listed)
 */
record RegisteredServer(String serverId, String serverUrl, List<String> capabilities, JsonNode metadata, String uuid,
		Instant registeredAt, Instant lastHeartbeat, String owner) {

	RegisteredServer seen(Instant now) {
		return new RegisteredServer(this.serverId, this.serverUrl, this.capabilities, this.metadata, this.uuid,
				this.registeredAt, now, this.owner);
	}

	String path(String key, String fallback) {
		JsonNode value = this.metadata.path(key);
		return value.isString() && value.asString().startsWith("/") ? value.asString() : fallback;
	}

	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("server_id", this.serverId);
		map.put("server_url", this.serverUrl);
		map.put("capabilities", this.capabilities);
		map.put("metadata", this.metadata);
		map.put("registered_at", this.registeredAt.toString());
		map.put("last_heartbeat", this.lastHeartbeat.toString());
		map.put("uuid", this.uuid);
		return map;
	}
}
