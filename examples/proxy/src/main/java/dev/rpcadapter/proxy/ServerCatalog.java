package dev.rpcadapter.proxy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The registered servers, keyed by {@code server_id}. A registration with a known id and the same
 * URL is "already registered" (a success); with another URL it replaces the old entry (the server
 * moved or restarted elsewhere).
 */
@Component
class ServerCatalog {

	private static final Logger logger = LoggerFactory.getLogger(ServerCatalog.class);

	private final ConcurrentMap<String, RegisteredServer> servers = new ConcurrentHashMap<>();

	private final Clock clock;

	ServerCatalog() {
		this(Clock.systemUTC());
	}

	ServerCatalog(Clock clock) {
		this.clock = clock;
	}

	/** @return whether the server was already registered with this URL */
	boolean register(String serverId, String serverUrl, List<String> capabilities, JsonNode metadata, String uuid) {
		Instant now = this.clock.instant();
		RegisteredServer previous = this.servers.get(serverId);
		boolean already = previous != null && previous.serverUrl().equals(serverUrl);
		Instant registeredAt = already ? previous.registeredAt() : now;
		this.servers.put(serverId, new RegisteredServer(serverId, serverUrl, capabilities, metadata, uuid,
				registeredAt, now));
		if (!already) {
			logger.info("Registered '{}' at {}{}", serverId, serverUrl,
					(previous != null) ? " (replacing " + previous.serverUrl() + ")" : "");
		}
		return already;
	}

	/** @return whether the server was known with this URL (an empty URL matches any) and is now removed */
	boolean unregister(String serverId, String serverUrl) {
		boolean[] removed = { false };
		this.servers.computeIfPresent(serverId, (id, server) -> {
			removed[0] = serverUrl.isEmpty() || server.serverUrl().equals(serverUrl);
			return removed[0] ? null : server;
		});
		if (removed[0]) {
			logger.info("Unregistered '{}'", serverId);
		}
		return removed[0];
	}

	/** @return whether the server is known with this URL (and is now marked seen) */
	boolean heartbeat(String serverId, String serverUrl) {
		Instant now = this.clock.instant();
		boolean[] known = { false };
		this.servers.computeIfPresent(serverId, (id, server) -> {
			known[0] = server.serverUrl().equals(serverUrl);
			return known[0] ? server.seen(now) : server;
		});
		return known[0];
	}

	Optional<RegisteredServer> find(String serverId) {
		return Optional.ofNullable(this.servers.get(serverId));
	}

	List<RegisteredServer> all() {
		List<RegisteredServer> all = new ArrayList<>(this.servers.values());
		all.sort(Comparator.comparing(RegisteredServer::serverId));
		return all;
	}

	/** Drops servers silent for longer than {@code staleAfter}. */
	void dropStale(Duration staleAfter) {
		Instant limit = this.clock.instant().minus(staleAfter);
		this.servers.values().removeIf((server) -> {
			boolean stale = server.lastHeartbeat().isBefore(limit);
			if (stale) {
				logger.info("Dropped '{}' at {}: no heartbeat since {}", server.serverId(), server.serverUrl(),
						server.lastHeartbeat());
			}
			return stale;
		});
	}
}
