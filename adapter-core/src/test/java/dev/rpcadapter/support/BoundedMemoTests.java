package dev.rpcadapter.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BoundedMemoTests {

	@Test
	void computesOncePerKeyWhileItFits() {
		BoundedMemo<String, Integer> memo = new BoundedMemo<>(4);
		AtomicInteger computed = new AtomicInteger();

		assertThat(memo.computeIfAbsent("a", (key) -> computed.incrementAndGet())).isEqualTo(1);
		assertThat(memo.computeIfAbsent("a", (key) -> computed.incrementAndGet())).isEqualTo(1);
		memo.put("b", 7);

		assertThat(memo.get("b")).isEqualTo(7);
		assertThat(memo.get("c")).isNull();
		assertThat(computed).hasValue(1);
	}

	@Test
	void neverHoldsMoreThanItsCapacity() {
		BoundedMemo<Integer, Integer> memo = new BoundedMemo<>(3);
		for (int i = 0; i < 10; i++) {
			memo.put(i, i);
			memo.computeIfAbsent(100 + i, (key) -> key);
			assertThat(memo.size()).isBetween(1, 3);
		}
		assertThat(memo.get(109)).as("the newest entry is kept").isEqualTo(109);
	}

	@Test
	void capacityMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BoundedMemo<String, String>(0));
	}

}
