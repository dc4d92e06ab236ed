package dev.rpcadapter.autoconfigure.security;

import java.util.Set;

import dev.rpcadapter.autoconfigure.diagnostics.AdapterSecurityConfigurationException;
import dev.rpcadapter.command.Caller;
import dev.rpcadapter.web.HealthDetailsVisibility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The settings of {@code adapter.security.health-details}. */
class HealthDetailsTests {

	private final Caller alice = Caller.of("alice", Set.of("user"));

	private final Caller ops = Caller.of("ops", Set.of("ops"));

	@Test
	void authenticatedShowsDetailsToEveryoneButAnonymous() {
		HealthDetailsVisibility visibility = HealthDetails.of("authenticated");
		assertThat(visibility.showsDetailsTo(this.alice)).isTrue();
		assertThat(visibility.showsDetailsTo(Caller.ANONYMOUS)).isFalse();
	}

	@Test
	void aRoleShowsDetailsToItsHoldersOnly() {
		HealthDetailsVisibility visibility = HealthDetails.of("role:ops");
		assertThat(visibility.showsDetailsTo(this.ops)).isTrue();
		assertThat(visibility.showsDetailsTo(this.alice)).isFalse();
		assertThat(visibility.showsDetailsTo(Caller.ANONYMOUS)).isFalse();
	}

	@Test
	void alwaysAndNever() {
		assertThat(HealthDetails.of("always").showsDetailsTo(Caller.ANONYMOUS)).isTrue();
		assertThat(HealthDetails.of("never").showsDetailsTo(this.ops)).isFalse();
	}

	@Test
	void anythingElseStopsStartupWithTheValuesToUse() {
		assertThatExceptionOfType(AdapterSecurityConfigurationException.class)
			.isThrownBy(() -> HealthDetails.of("admins"))
			.satisfies((ex) -> assertThat(ex.action()).contains("role:<role name>"));
		assertThatExceptionOfType(AdapterSecurityConfigurationException.class)
			.isThrownBy(() -> HealthDetails.of("role:"));
	}

}
