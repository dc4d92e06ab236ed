package dev.rpcadapter.web;

import dev.rpcadapter.command.Caller;

/**
 * Who sees the whole {@code /health} body (version, uptime, components with their
 * details); everyone else gets only {@code {"status": ...}}, with the same HTTP status
 * (503 when down). Without security every caller sees everything; the security module
 * provides one from {@code adapter.security.health-details}.
 */
@FunctionalInterface
public interface HealthDetailsVisibility {

	/** Everyone sees the details. */
	HealthDetailsVisibility ALWAYS = (caller) -> true;

	/**
	 * @param caller who asks ({@link Caller#ANONYMOUS} without credentials)
	 * @return whether the caller sees the whole body
	 */
	boolean showsDetailsTo(Caller caller);

}
