package dev.rpcadapter.autoconfigure.registration;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The small pure parts: back-off arithmetic, URL rules, answer classification. */
class RegistrationUnitTests {

	@Test
	void backoffDoublesWithinTwentyPercentJitterAndStopsAtTheCap() {
		Backoff low = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.0);
		Backoff high = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.999999);
		assertThat(low.delay(1)).isEqualTo(Duration.ofMillis(80));
		assertThat(high.delay(1)).isBetween(Duration.ofMillis(119), Duration.ofMillis(120));
		assertThat(low.delay(2)).isEqualTo(Duration.ofMillis(160));
		assertThat(low.delay(2)).isGreaterThan(high.delay(1));
		assertThat(high.delay(5)).isEqualTo(Duration.ofMillis(1000));
		assertThat(low.delay(1_000_000)).isEqualTo(Duration.ofMillis(800));
	}

	@Test
	void wildcardAddressesAreNotAdvertisable() {
		for (String url : new String[] { "http://0.0.0.0:8080", "http://[::]:8080", "http://[0:0:0:0:0:0:0:0]:80" }) {
			assertThatExceptionOfType(InvalidRegistrationConfigurationException.class)
				.isThrownBy(() -> RegistrationUrls.advertised(url))
				.withMessageContaining("wildcard");
		}
		assertThat(RegistrationUrls.advertised("https://doc-store:8443").getHost()).isEqualTo("doc-store");
		assertThatExceptionOfType(InvalidRegistrationConfigurationException.class)
			.isThrownBy(() -> RegistrationUrls.advertised("doc-store:8080"));
	}

	@Test
	void derivedUrlNeverUsesAWildcardHost() {
		assertThat(RegistrationUrls.derive("http", "10.1.2.3", 8080)).isEqualTo("http://10.1.2.3:8080");
		assertThat(RegistrationUrls.derive("https", "0.0.0.0", 8443)).doesNotContain("0.0.0.0").endsWith(":8443");
		assertThat(RegistrationUrls.derive("http", null, 80)).doesNotContain("0.0.0.0");
		assertThat(RegistrationUrls.derive("http", "::1", 80)).isEqualTo("http://[::1]:80");
	}

	@Test
	void alreadyRegisteredIs409OrAClientErrorSayingSo() {
		assertThat(new ProxyResponse(409, "").isAlreadyRegistered()).isTrue();
		assertThat(new ProxyResponse(400, "{\"error\":\"Server with URL x is already registered as a_1\"}")
			.isAlreadyRegistered()).isTrue();
		assertThat(new ProxyResponse(400, "bad body").isAlreadyRegistered()).isFalse();
		assertThat(new ProxyResponse(500, "already registered").isAlreadyRegistered()).isFalse();
	}

}
