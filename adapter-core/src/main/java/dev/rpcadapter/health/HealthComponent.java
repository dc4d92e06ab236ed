package dev.rpcadapter.health;

/**
 * One part of the server whose state shows in {@code /health} under
 * {@code components.<name>} (queue, job store, registration, certificates). Checks must
 * be quick and must not throw.
 */
public interface HealthComponent {

	/** The key under {@code components}. */
	String name();

	ComponentHealth check();

}
