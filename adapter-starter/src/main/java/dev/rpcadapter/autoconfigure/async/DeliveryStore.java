package dev.rpcadapter.autoconfigure.async;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Where deliveries live: this node's memory, or a table shared by every node. */
interface DeliveryStore {

	/**
	 * @return {@code false} when the id is taken
	 */
	boolean insert(Delivery pending);

	void complete(String deliverId, @Nullable String payload, Instant expiresAt);

	Optional<Delivery> find(String deliverId);

	/** The delivered ones among these ids. */
	List<Delivery> delivered(Collection<String> deliverIds);

	long countPending(String owner);

	long countPending();

	int deleteExpired(Instant now);

	/**
	 * Whether other nodes share it (then this node polls it for deliveries made
	 * elsewhere).
	 */
	boolean isShared();

}
