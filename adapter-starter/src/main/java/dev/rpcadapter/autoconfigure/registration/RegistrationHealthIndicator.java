package dev.rpcadapter.autoconfigure.registration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The registration state for Spring Boot Actuator: {@code UP} when registered or stopped,
 * {@code UNKNOWN} while registering or retrying (so a missing proxy never fails a
 * readiness probe), with the same details as {@code /health}.
 */
final class RegistrationHealthIndicator implements HealthIndicator {

	private final RegistrationState state;

	RegistrationHealthIndicator(RegistrationState state) {
		this.state = state;
	}

	@Override
	public Health health() {
		RegistrationState.Snapshot snapshot = this.state.snapshot();
		Health.Builder builder = switch (snapshot.phase()) {
			case REGISTERED, DISABLED -> Health.up();
			case REGISTERING, FAILED_RETRYING, FAILED -> Health.unknown();
		};
		return builder.withDetails(snapshot.toMap()).build();
	}

}
