package dev.rpcadapter.health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of one component.
 *
 * @param status {@code ok}, {@code degraded} or {@code down}
 * @param details facts shown beside the status
 */
public record ComponentHealth(Status status, Map<String, Object> details) {

	public ComponentHealth {
		details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
	}

	public static ComponentHealth ok(Map<String, Object> details) {
		return new ComponentHealth(Status.OK, details);
	}

	public static ComponentHealth degraded(Map<String, Object> details) {
		return new ComponentHealth(Status.DEGRADED, details);
	}

	public static ComponentHealth down(Map<String, Object> details) {
		return new ComponentHealth(Status.DOWN, details);
	}

	/** Health states, worst last. */
	public enum Status {

		OK, DEGRADED, DOWN;

		public String wire() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}
}
