package dev.rpcadapter.client;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RequestTimeoutsTests {

	private static final String VAR = "ADAPTER_HTTP_TIMEOUT";

	@Test
	void firstVariableThatIsSetWins() {
		String seed = "MCP_PROXY_ADAPTER_HTTP_TIMEOUT";
		assertThat(RequestTimeouts.resolve(null, Map.of(seed, "60")::get, VAR, seed)).hasSeconds(60);
		assertThat(RequestTimeouts.resolve(null, Map.of(VAR, "7", seed, "60")::get, VAR, seed)).hasSeconds(7);
		assertThat(RequestTimeouts.resolve(Duration.ofSeconds(3), Map.of(seed, "60")::get, VAR, seed)).hasSeconds(3);
	}

	@Test
	void explicitTimeoutWinsOverEnvironment() {
		assertThat(RequestTimeouts.resolve(Duration.ofSeconds(5), Map.of(VAR, "12")::get, VAR)).hasSeconds(5);
	}

	@Test
	void environmentWinsOverDefaultAndAllowsDecimals() {
		assertThat(RequestTimeouts.resolve(null, Map.of(VAR, " 2.5 ")::get, VAR)).isEqualTo(Duration.ofMillis(2500));
	}

	@Test
	void defaultIsThirtySecondsWhenUnsetOrBlank() {
		assertThat(RequestTimeouts.resolve(null, Map.<String, String>of()::get, VAR)).hasSeconds(30);
		assertThat(RequestTimeouts.resolve(null, Map.of(VAR, "  ")::get, VAR)).hasSeconds(30);
	}

	@Test
	void nonNumericEnvironmentValueIsRejectedNamingTheVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RequestTimeouts.resolve(null, Map.of(VAR, "abc")::get, VAR))
			.withMessageContaining(VAR)
			.withMessageContaining("'abc'");
	}

	@Test
	void zeroOrNegativeEnvironmentValueIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RequestTimeouts.resolve(null, Map.of(VAR, "0")::get, VAR));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RequestTimeouts.resolve(null, Map.of(VAR, "-1.5")::get, VAR));
	}

}
