package dev.rpcadapter.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Role names as rpc-adapter uses them, and their Spring Security form.
 * <p>
 * A role {@code admin} becomes the authority {@code ROLE_admin}; role names are kept
 * exactly as configured; {@code CommandPermissions} matches them case-insensitively (the
 * seed adapter's default). Every authentication this module produces carries its roles
 * this way, so {@link #of(Authentication)} recovers them whatever the credential was.
 */
public final class Roles {

	/** Prefix that turns a role name into a Spring Security authority. */
	public static final String AUTHORITY_PREFIX = "ROLE_";

	private Roles() {
	}

	/**
	 * Returns the authority for a role name, e.g. {@code ROLE_admin}.
	 * @param role a role name, not blank
	 * @return the authority
	 */
	public static GrantedAuthority authority(String role) {
		if (role.isBlank()) {
			throw new IllegalArgumentException("Role name must not be blank");
		}
		return new SimpleGrantedAuthority(AUTHORITY_PREFIX + role);
	}

	/**
	 * Returns one {@code ROLE_} authority per role, in iteration order.
	 * @param roles role names
	 * @return the authorities
	 */
	public static List<GrantedAuthority> authorities(Collection<String> roles) {
		return roles.stream().map(Roles::authority).toList();
	}

	/**
	 * Returns the role names carried by an authentication's {@code ROLE_} authorities.
	 * @param authentication an authentication
	 * @return the role names, in authority order; other authorities are ignored
	 */
	public static Set<String> of(Authentication authentication) {
		Set<String> roles = new LinkedHashSet<>();
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			String authority = granted.getAuthority();
			if (authority != null && authority.startsWith(AUTHORITY_PREFIX)) {
				roles.add(authority.substring(AUTHORITY_PREFIX.length()));
			}
		}
		return Set.copyOf(roles);
	}

	/**
	 * Splits a comma-separated role list, trimming blanks and dropping empty entries.
	 * @param commaSeparated e.g. {@code "admin, user"}
	 * @return the role names in order, without duplicates
	 */
	public static List<String> split(String commaSeparated) {
		Set<String> roles = new LinkedHashSet<>();
		for (String part : commaSeparated.split(",")) {
			String role = part.strip();
			if (!role.isEmpty()) {
				roles.add(role);
			}
		}
		return List.copyOf(roles);
	}

}
