package dev.rpcadapter.mcp;

import java.util.List;
import java.util.Map;

import dev.rpcadapter.command.Caller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpAnswersTests {

	private static McpHttpRequest withOrigin(String origin) {
		Map<String, String> headers = (origin != null) ? Map.of("Origin", origin) : Map.of();
		return new McpHttpRequest(Caller.ANONYMOUS, headers::get, null);
	}

	@Test
	void originsOffTheListAreRefusedEvenWithAMatchingHost() {
		HttpAnswers http = new HttpAnswers(List.of("https://app.example"));
		assertThat(http.checkOrigin(withOrigin("http://evil.example"))).isNotNull()
			.satisfies((r) -> assertThat(r.status()).isEqualTo(403));
		assertThat(http.checkOrigin(withOrigin("https://APP.example"))).isNull();
		assertThat(http.checkOrigin(withOrigin(null))).isNull();
	}

	@Test
	void loopbackOriginsPassButLookalikesDoNot() {
		HttpAnswers http = new HttpAnswers(List.of());
		assertThat(http.checkOrigin(withOrigin("http://localhost:6274"))).isNull();
		assertThat(http.checkOrigin(withOrigin("http://127.0.0.1"))).isNull();
		assertThat(http.checkOrigin(withOrigin("http://[::1]:3000"))).isNull();
		assertThat(http.checkOrigin(withOrigin("http://localhost.evil.example"))).isNotNull();
		assertThat(http.checkOrigin(withOrigin("http://127.0.0.1.evil.example"))).isNotNull();
	}

	@Test
	void aStarAllowsEveryOrigin() {
		assertThat(new HttpAnswers(List.of("*")).checkOrigin(withOrigin("http://anything.example"))).isNull();
	}

}
