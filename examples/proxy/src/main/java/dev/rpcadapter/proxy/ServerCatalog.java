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
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

/**
 * The registered servers, keyed by {@code server_id}, each bound to the principal that
 * registered it. A registration with a known id and the same URL is "already registered"
 * (a success); with another URL it replaces the old entry (the server moved or restarted
 * elsewhere). Only the owner may register an id again, send its heartbeats or unregister
 * it, until the id is dropped as stale. At most {@code proxy.max-servers} ids. Changes
 * are serialised (registrations are rare); reads are not.
 */
@Component
class ServerCatalog {

	private static final Logger logger = LoggerFactory.getLogger(ServerCatalog.class);

	private final ConcurrentMap<String, RegisteredServer> servers = new ConcurrentHashMap<>();

	/**
	 * The id of every server that came, moved or went (not heartbeats); changes are
	 * serialised, so one emitter.
	 */
	private final Sinks.Many<String> changes = Sinks.many().multicast().directBestEffort();

	private final Clock clock;

	private final int maxServers;

	@Autowired
	ServerCatalog(ProxyProperties properties) {
		this(Clock.systemUTC(), properties.getMaxServers());
	}

	ServerCatalog(Clock clock, int maxServers) {
		this.clock = clock;
		this.maxServers = maxServers;
	}

	/**
	 * @return whether the server was already registered with this URL
	 * @throws RegistrationException 403 when another principal owns the id, 409 when the
	 * catalogue is full
	 */
	synchronized boolean register(String serverId, String serverUrl, List<String> capabilities, JsonNode metadata,
			String uuid, String owner) {
		Instant now = this.clock.instant();
		RegisteredServer previous = this.servers.get(serverId);
		if (previous != null && !previous.owner().equals(owner)) {
			logger.warn("Refused registration of '{}' at {} by '{}': owned by '{}'", serverId, serverUrl, owner,
					previous.owner());
			throw RegistrationException.ownedByAnother(serverId);
		}
		if (previous == null && this.servers.size() >= this.maxServers) {
			logger.warn("Refused registration of '{}' by '{}': the catalogue is full ({} servers)", serverId, owner,
					this.maxServers);
			throw new RegistrationException(HttpStatus.CONFLICT, "CATALOGUE_FULL",
					"the proxy's catalogue is full (proxy.max-servers)");
		}
		boolean already = previous != null && previous.serverUrl().equals(serverUrl);
		Instant registeredAt = (already && previous != null) ? previous.registeredAt() : now;
		this.servers.put(serverId,
				new RegisteredServer(serverId, serverUrl, capabilities, metadata, uuid, registeredAt, now, owner));
		if (!already) {
			logger.info("Registered '{}' at {} by '{}'{}", serverId, serverUrl, owner,
					(previous != null) ? " (replacing " + previous.serverUrl() + ")" : "");
			this.changes.tryEmitNext(serverId);
		}
		return already;
	}

	/**
	 * @return whether the server was known with this URL and is now removed
	 * @throws RegistrationException 403 when another principal owns the id
	 */
	synchronized boolean unregister(String serverId, String serverUrl, String owner) {
		RegisteredServer server = owned(serverId, owner);
		if (server == null || !server.serverUrl().equals(serverUrl)) {
			return false;
		}
		this.servers.remove(serverId);
		logger.info("Unregistered '{}' by '{}'", serverId, owner);
		this.changes.tryEmitNext(serverId);
		return true;
	}

	/**
	 * @return whether the server is known with this URL (and is now marked seen)
	 * @throws RegistrationException 403 when another principal owns the id
	 */
	synchronized boolean heartbeat(String serverId, String serverUrl, String owner) {
		RegisteredServer server = owned(serverId, owner);
		if (server == null || !server.serverUrl().equals(serverUrl)) {
			return false;
		}
		this.servers.put(serverId, server.seen(this.clock.instant()));
		return true;
	}

	private @Nullable RegisteredServer owned(String serverId, String owner) {
		RegisteredServer server = this.servers.get(serverId);
		if (server != null && !server.owner().equals(owner)) {
			logger.warn("Refused a change of '{}' by '{}': owned by '{}'", serverId, owner, server.owner());
			throw RegistrationException.ownedByAnother(serverId);
		}
		return server;
	}

	Optional<RegisteredServer> find(String serverId) {
		return Optional.ofNullable(this.servers.get(serverId));
	}

	List<RegisteredServer> all() {
		List<RegisteredServer> all = new ArrayList<>(this.servers.values());
		all.sort(Comparator.comparing(RegisteredServer::serverId));
		return all;
	}

	/**
	 * The id of each server that registered, moved, unregistered or was dropped, as it
	 * happens.
	 */
	Flux<String> changes() {
		return this.changes.asFlux();
	}

	/** Drops servers silent for longer than {@code staleAfter}. */
	synchronized void dropStale(Duration staleAfter) {
		Instant limit = this.clock.instant().minus(staleAfter);
		this.servers.values().removeIf((server) -> {
			boolean stale = server.lastHeartbeat().isBefore(limit);
			if (stale) {
				logger.info("Dropped '{}' at {}: no heartbeat since {}", server.serverId(), server.serverUrl(),
						server.lastHeartbeat());
				this.changes.tryEmitNext(server.serverId());
			}
			return stale;
		});
	}

}
