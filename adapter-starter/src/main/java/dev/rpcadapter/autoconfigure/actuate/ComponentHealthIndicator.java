package dev.rpcadapter.autoconfigure.actuate;

import dev.rpcadapter.health.ComponentHealth;
import dev.rpcadapter.health.HealthComponent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One adapter {@link HealthComponent} as an Actuator {@link HealthIndicator}: {@code ok}
 * is {@code UP}, {@code down} is {@code DOWN}, {@code degraded} is the status
 * {@code DEGRADED} (which Boot's default order ranks below {@code UP}: add it to
 * {@code management.endpoint.health.status.order} to let it lower the aggregate). Boot
 * calls it off the event loop.
 */
final class ComponentHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "working with reduced capacity or a stale dependency");

	private final HealthComponent component;

	ComponentHealthIndicator(HealthComponent component) {
		this.component = component;
	}

	@Override
	public Health health() {
		ComponentHealth health = this.component.check();
		Status status = switch (health.status()) {
			case OK -> Status.UP;
			case DEGRADED -> DEGRADED;
			case DOWN -> Status.DOWN;
		};
		return Health.status(status).withDetails(health.details()).build();
	}

}
