package dev.rpcadapter.command;

import java.util.Map;
import java.util.Set;

/**
 * Who is calling: the authenticated principal and its roles. Declare a parameter of this
 * type on a command method to receive it; it is never read from params.
 *
 * @param principal a stable name (certificate subject, token name, JWT subject), or
 * {@code "anonymous"}
 * @param roles the caller's roles
 * @param attributes extra facts from authentication (e.g. {@code unit_id})
 */
public record Caller(String principal, Set<String> roles, Map<String, Object> attributes) {

	/** The caller when security is off. */
	public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(), Map.of());

	public Caller {
		roles = Set.copyOf(roles);
		attributes = Map.copyOf(attributes);
	}

	public static Caller of(String principal, Set<String> roles) {
		return new Caller(principal, roles, Map.of());
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}
}
