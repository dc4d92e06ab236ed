package dev.rpcadapter.autoconfigure.registration;

import dev.rpcadapter.health.ComponentHealth;
import dev.rpcadapter.health.HealthComponent;

/**
 * {@code components.registration} in {@code /health}: {@code ok} while registered,
 * registering or stopped; {@code degraded} while retrying or after giving up. Never
 * {@code down}: the server serves whether or not a proxy knows it.
 */
final class RegistrationHealthComponent implements HealthComponent {

	private final RegistrationState state;

	RegistrationHealthComponent(RegistrationState state) {
		this.state = state;
	}

	@Override
	public String name() {
		return "registration";
	}

	@Override
	public ComponentHealth check() {
		RegistrationState.Snapshot snapshot = this.state.snapshot();
		return switch (snapshot.phase()) {
			case FAILED, FAILED_RETRYING -> ComponentHealth.degraded(snapshot.toMap());
			case DISABLED, REGISTERING, REGISTERED -> ComponentHealth.ok(snapshot.toMap());
		};
	}

}
