package dev.rpcadapter.security.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryRateLimitStoreTests {

	private final AtomicLong now = new AtomicLong();

	private final InMemoryRateLimitStore store = new InMemoryRateLimitStore(10, Duration.ofSeconds(60), this.now::get);

	@Test
	void newKeyStartsFromNothingAndKeepsItsState() {
		BucketState first = this.store.update("k", (current) -> new BucketState((current == null) ? 5 : -1, 0));
		BucketState second = this.store.update("k", (current) -> new BucketState(current.tokens() - 1, 0));

		assertThat(first.tokens()).isEqualTo(5);
		assertThat(second.tokens()).isEqualTo(4);
	}

	@Test
	void idleKeysAreDroppedWhenTheStoreIsFull() {
		fill(10, 0);
		this.now.set(Duration.ofSeconds(61).toNanos());

		this.store.update("fresh", (current) -> new BucketState(1, this.now.get()));

		assertThat(this.store.size()).isEqualTo(1);
	}

	@Test
	void leastRecentlyUsedKeysAreDroppedWhenAllAreActive() {
		fill(10, 0);
		this.store.update("key-0", (current) -> new BucketState(1, 5));

		this.store.update("fresh", (current) -> new BucketState(1, 6));

		assertThat(this.store.size()).isEqualTo(10);
		assertThat(this.store.update("key-0", (current) -> current)).isNotNull();
	}

	@Test
	void sizeNeverExceedsTheBound() {
		for (int i = 0; i < 1000; i++) {
			long at = i;
			this.store.update("key-" + i, (current) -> new BucketState(1, at));
		}

		assertThat(this.store.size()).isLessThanOrEqualTo(10);
	}

	@Test
	void invalidBoundsAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RateLimitStore.inMemory(0, Duration.ofSeconds(1), System::nanoTime));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RateLimitStore.inMemory(1, Duration.ZERO, System::nanoTime));
	}

	private void fill(int count, long at) {
		for (int i = 0; i < count; i++) {
			this.store.update("key-" + i, (current) -> new BucketState(1, at));
		}
	}

}
