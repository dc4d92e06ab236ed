package dev.rpcadapter.autoconfigure.security;

import dev.rpcadapter.autoconfigure.diagnostics.AdapterSecurityConfigurationException;
import dev.rpcadapter.command.Caller;
import dev.rpcadapter.web.HealthDetailsVisibility;

/**
 * {@code adapter.security.health-details}: who sees the whole {@code /health} body when
 * security is on.
 */
final class HealthDetails {

	private static final String ROLE = "role:";

	private HealthDetails() {
	}

	/**
	 * @param setting {@code authenticated}, {@code role:<name>}, {@code always} or
	 * {@code never}
	 * @throws AdapterSecurityConfigurationException for anything else
	 */
	static HealthDetailsVisibility of(String setting) {
		String value = setting.strip();
		if (value.regionMatches(true, 0, ROLE, 0, ROLE.length()) && value.length() > ROLE.length()) {
			String role = value.substring(ROLE.length()).strip();
			return (caller) -> caller.roles().contains(role);
		}
		return switch (value.toLowerCase(java.util.Locale.ROOT)) {
			case "authenticated" -> (caller) -> caller != Caller.ANONYMOUS;
			case "always" -> HealthDetailsVisibility.ALWAYS;
			case "never" -> (caller) -> false;
			default ->
				throw new AdapterSecurityConfigurationException("adapter.security.health-details is '" + setting + "'",
						"Use authenticated (the default), role:<role name>, always or never");
		};
	}

}
