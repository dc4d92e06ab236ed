package dev.rpcadapter.test;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TestRedisTests {

	private static final ServiceAddress CONTAINER = new ServiceAddress("localhost", 32769, "container");

	@Test
	void variableWinsWithoutAskingDocker() {
		ServiceAddress address = TestRedis.resolve(Map.of(TestRedis.ADDRESS_VARIABLE, "cache.test:6380"), () -> {
			throw new AssertionError("Docker asked");
		}, () -> CONTAINER);
		assertThat(address.host()).isEqualTo("cache.test");
		assertThat(address.port()).isEqualTo(6380);
	}

	@Test
	void containerWhenDockerIsAvailable() {
		assertThat(TestRedis.resolve(Map.of(), () -> true, () -> CONTAINER)).isSameAs(CONTAINER);
	}

	@Test
	void localServerWithoutDocker() {
		ServiceAddress address = TestRedis.resolve(Map.of(), () -> false, () -> {
			throw new AssertionError("no container without Docker");
		});
		assertThat(address.host()).isEqualTo("127.0.0.1");
		assertThat(address.port()).isEqualTo(6379);
	}

	@Test
	void variableWithoutPortIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> TestRedis.resolve(Map.of(TestRedis.ADDRESS_VARIABLE, "cache.test"), () -> false, () -> CONTAINER))
			.withMessageContaining("host:port");
	}

}
