package dev.rpcadapter.security.authz;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which roles may call which commands, from the configuration map
 * {@code role -> [patterns]} ({@code adapter.security.roles}). A pattern is a command
 * name, {@code *} (every command) or a prefix ending in {@code *} ({@code queue_*}).
 * Command patterns match case-sensitively, role names case-insensitively; the role
 * {@code *} may call every command unless the map configures it. Anything not granted is
 * denied, including every command for a caller without roles.
 * <p>
 * The same patterns grant named permissions that are not commands, such as
 * {@link dev.rpcadapter.dispatch.CommandAuthorizer#QUEUE_ADMIN} ({@link #grants}); only
 * configured roles grant those (the implicit {@code *} role does not).
 */
public interface CommandPermissions {

	/**
	 * Returns whether any of the roles may call the command.
	 * @param roles the caller's roles
	 * @param command the command name
	 * @return {@code true} when some role grants it
	 */
	boolean allows(Set<String> roles, String command);

	/**
	 * Returns whether a role configured in the map grants the permission (a name listed
	 * or matched by one of its patterns); unlike {@link #allows}, the implicit {@code *}
	 * role grants nothing here.
	 * @param roles the caller's roles
	 * @param permission a permission name, e.g. {@code queue:admin}
	 * @return {@code true} when a configured role grants it
	 */
	default boolean grants(Set<String> roles, String permission) {
		return allows(roles, permission);
	}

	/**
	 * Returns the commands the roles may call, e.g. to filter a listing.
	 * @param roles the caller's roles
	 * @param commands candidate command names
	 * @return those allowed, in the given order
	 */
	default List<String> allowed(Set<String> roles, Collection<String> commands) {
		return commands.stream().filter((command) -> allows(roles, command)).toList();
	}

	/**
	 * Compiles permissions from {@code role -> [patterns]}.
	 * @param rolePatterns the configuration map
	 * @return the permissions
	 * @throws IllegalArgumentException when a pattern is blank or has a {@code *} other
	 * than at its end
	 */
	static CommandPermissions of(Map<String, ? extends Collection<String>> rolePatterns) {
		return CompiledCommandPermissions.compile(rolePatterns);
	}

}
