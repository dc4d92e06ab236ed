package dev.rpcadapter.autoconfigure.registration;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;

/**
 * The seed's wire bodies: register
 * {@code {"server_id","server_url","capabilities","metadata","uuid"}}, heartbeat =
 * register + {@code "timestamp"} (epoch seconds), unregister
 * {@code {"server_id","server_url"}}.
 */
final class RegistrationPayloads {

	private final ObjectMapper mapper;

	private final Clock clock;

	private final String serverId;

	private final String serverUrl;

	private final List<String> capabilities;

	private final Map<String, Object> metadata;

	private final String uuid;

	RegistrationPayloads(ObjectMapper mapper, Clock clock, String serverId, String serverUrl, List<String> capabilities,
			Map<String, Object> metadata, String uuid) {
		this.mapper = mapper;
		this.clock = clock;
		this.serverId = serverId;
		this.serverUrl = serverUrl;
		this.capabilities = List.copyOf(capabilities);
		this.metadata = new LinkedHashMap<>(metadata);
		this.uuid = uuid;
	}

	String serverUrl() {
		return this.serverUrl;
	}

	byte[] register() {
		return this.mapper.writeValueAsBytes(registration());
	}

	byte[] heartbeat() {
		Map<String, Object> body = registration();
		body.put("timestamp", this.clock.instant().getEpochSecond());
		return this.mapper.writeValueAsBytes(body);
	}

	byte[] unregister() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("server_id", this.serverId);
		body.put("server_url", this.serverUrl);
		return this.mapper.writeValueAsBytes(body);
	}

	private Map<String, Object> registration() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("server_id", this.serverId);
		body.put("server_url", this.serverUrl);
		body.put("capabilities", this.capabilities);
		body.put("metadata", this.metadata);
		body.put("uuid", this.uuid);
		return body;
	}

}
