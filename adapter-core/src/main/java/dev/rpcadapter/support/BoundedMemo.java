package dev.rpcadapter.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Memoized values, at most {@code capacity} of them: when full, the memo is emptied
 * before the next entry goes in. For values that are cheap enough to compute again and
 * whose keys are few in normal operation (certificates, role sets, documents per caller
 * view), so the bound only matters under abuse; a hit costs one look-up, with no
 * bookkeeping of recency. Safe for concurrent use.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class BoundedMemo<K, V> {

	private final int capacity;

	private final Map<K, V> entries = new ConcurrentHashMap<>();

	/**
	 * @param capacity the most entries kept, at least 1
	 */
	public BoundedMemo(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		this.capacity = capacity;
	}

	/**
	 * @return the value remembered for {@code key}, or {@code null}
	 */
	public @Nullable V get(K key) {
		return this.entries.get(key);
	}

	/** Remembers a value, first forgetting everything if the memo is full. */
	public void put(K key, V value) {
		makeRoom();
		this.entries.put(key, value);
	}

	/** The value remembered for {@code key}, computed and remembered if there is none. */
	public V computeIfAbsent(K key, Function<? super K, ? extends V> compute) {
		V known = this.entries.get(key);
		if (known != null) {
			return known;
		}
		makeRoom();
		return this.entries.computeIfAbsent(key, compute);
	}

	/**
	 * @return how many values are remembered
	 */
	public int size() {
		return this.entries.size();
	}

	private void makeRoom() {
		if (this.entries.size() >= this.capacity) {
			this.entries.clear();
		}
	}

}
