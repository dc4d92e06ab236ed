package dev.rpcadapter.autoconfigure.async;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Deliveries in this node's memory: a restart forgets them; other nodes do not see them.
 * Pending counts are kept as the records change, so the limits cost no scan.
 */
final class InMemoryDeliveryStore implements DeliveryStore {

	private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> pendingByOwner = new ConcurrentHashMap<>();

	private final AtomicLong pending = new AtomicLong();

	@Override
	public boolean insert(Delivery record) {
		if (this.deliveries.putIfAbsent(record.deliverId(), record) != null) {
			return false;
		}
		this.pendingByOwner.computeIfAbsent(record.owner(), (owner) -> new AtomicLong()).incrementAndGet();
		this.pending.incrementAndGet();
		return true;
	}

	@Override
	public void complete(String deliverId, @Nullable String payload, Instant expiresAt) {
		Delivery before = this.deliveries.get(deliverId);
		if (before == null || before.delivered()) {
			return;
		}
		if (this.deliveries.replace(deliverId, before,
				new Delivery(deliverId, before.owner(), expiresAt, true, payload))) {
			ended(before.owner());
		}
	}

	private void ended(String owner) {
		this.pending.decrementAndGet();
		this.pendingByOwner.computeIfPresent(owner, (key, count) -> (count.decrementAndGet() <= 0) ? null : count);
	}

	@Override
	public Optional<Delivery> find(String deliverId) {
		return Optional.ofNullable(this.deliveries.get(deliverId));
	}

	@Override
	public List<Delivery> delivered(Collection<String> deliverIds) {
		return deliverIds.stream()
			.map(this.deliveries::get)
			.filter(Objects::nonNull)
			.filter(Delivery::delivered)
			.toList();
	}

	@Override
	public long countPending(String owner) {
		AtomicLong count = this.pendingByOwner.get(owner);
		return (count != null) ? count.get() : 0;
	}

	@Override
	public long countPending() {
		return this.pending.get();
	}

	@Override
	public int deleteExpired(Instant now) {
		int removed = 0;
		for (Delivery delivery : this.deliveries.values()) {
			if (delivery.expiresAt().isBefore(now) && this.deliveries.remove(delivery.deliverId(), delivery)) {
				removed++;
				if (!delivery.delivered()) {
					ended(delivery.owner());
				}
			}
		}
		return removed;
	}

	@Override
	public boolean isShared() {
		return false;
	}

}
