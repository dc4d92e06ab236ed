package dev.rpcadapter.mcp;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The sessions in memory: bounded (least recently used go first) and ended when idle too
 * long.
 */
final class Sessions {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private final int max;

	private final long idleNanos;

	private final int replayEvents;

	Sessions(int max, Duration idle, int replayEvents) {
		this.max = max;
		this.idleNanos = idle.toNanos();
		this.replayEvents = replayEvents;
	}

	Session create(String principal, String version, long toolsVersion,
			tools.jackson.databind.node.ObjectNode clientCapabilities) {
		expire();
		while (this.sessions.size() >= this.max) {
			this.sessions.values()
				.stream()
				.min(Comparator.comparingLong(Session::lastUsed))
				.ifPresent((oldest) -> remove(oldest.id()));
		}
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		Session session = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), principal, version,
				this.replayEvents, clientCapabilities);
		session.toolsChanged(toolsVersion);
		this.sessions.put(session.id(), session);
		return session;
	}

	/**
	 * The live session with this id owned by the principal (another principal's is "not
	 * found").
	 */
	@Nullable Session find(String id, String principal) {
		Session session = this.sessions.get(id);
		if (session == null || !session.principal().equals(principal)) {
			return null;
		}
		if (System.nanoTime() - session.lastUsed() > this.idleNanos) {
			remove(id);
			return null;
		}
		session.touch();
		return session;
	}

	boolean remove(String id) {
		Session session = this.sessions.remove(id);
		if (session != null) {
			session.close();
		}
		return session != null;
	}

	void forEach(java.util.function.Consumer<Session> action) {
		this.sessions.values().forEach(action);
	}

	void expire() {
		long now = System.nanoTime();
		this.sessions.values()
			.stream()
			.filter((s) -> now - s.lastUsed() > this.idleNanos)
			.map(Session::id)
			.toList()
			.forEach(this::remove);
	}

	void clear() {
		this.sessions.keySet().forEach(this::remove);
	}

}
