package dev.rpcadapter.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

	@Test
	void secondsAreParsed() {
		assertThat(RetryAfter.parse("120", this.clock)).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void httpDateIsTurnedIntoDelay() {
		assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:30 GMT", this.clock)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void missingOrGarbledHeaderGivesNoDelay() {
		assertThat(RetryAfter.parse(null, this.clock)).isNull();
		assertThat(RetryAfter.parse("soon", this.clock)).isNull();
	}

}
