package dev.rpcadapter.transfer;

import java.time.Instant;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in this JVM only: lost on restart (their files are then removed as orphans).
 */
final class InMemoryTransferSessions implements TransferSessions {

	private final Map<String, TransferSession> sessions = new ConcurrentHashMap<>();

	private final Map<String, BitSet> chunks = new ConcurrentHashMap<>();

	@Override
	public void create(TransferSession session) {
		this.chunks.put(session.id(), new BitSet());
		this.sessions.put(session.id(), session);
	}

	@Override
	public Optional<TransferSession> find(String id) {
		return Optional.ofNullable(this.sessions.get(id));
	}

	@Override
	public void markChunk(String id, int index) {
		BitSet received = this.chunks.get(id);
		if (received != null) {
			synchronized (received) {
				received.set(index);
			}
		}
	}

	@Override
	public BitSet receivedChunks(String id) {
		BitSet received = this.chunks.get(id);
		if (received == null) {
			return new BitSet();
		}
		synchronized (received) {
			return (BitSet) received.clone();
		}
	}

	@Override
	public void update(TransferSession session) {
		this.sessions.replace(session.id(), session);
	}

	@Override
	public List<TransferSession> byJob(String jobId) {
		return this.sessions.values()
			.stream()
			.filter((s) -> jobId.equals(s.jobId()) && s.state() == TransferState.COMPLETED)
			.sorted(Comparator.comparing(TransferSession::createdAt))
			.toList();
	}

	@Override
	public List<TransferSession> expired(Instant now, int limit) {
		return this.sessions.values().stream().filter((s) -> !s.expiresAt().isAfter(now)).limit(limit).toList();
	}

	@Override
	public boolean delete(String id) {
		this.chunks.remove(id);
		return this.sessions.remove(id) != null;
	}

	@Override
	public String kind() {
		return "memory";
	}

}
