package dev.rpcadapter.security.authz;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.rpcadapter.support.BoundedMemo;

/**
 * {@link CommandPermissions} compiled once per role, with the merged matcher of each role
 * set seen cached (bounded), so a check is a hash look-up and a few prefix comparisons.
 */
final class CompiledCommandPermissions implements CommandPermissions {

	static final int MAX_CACHED_ROLE_SETS = 1024;

	private final Map<String, CommandMatcher> byRole;

	private final Map<String, CommandMatcher> configured;

	private final BoundedMemo<Set<String>, CommandMatcher> byRoleSet = new BoundedMemo<>(MAX_CACHED_ROLE_SETS);

	private CompiledCommandPermissions(Map<String, CommandMatcher> configured) {
		this.configured = Map.copyOf(configured);
		Map<String, CommandMatcher> byRole = new HashMap<>(configured);
		// the seed's wildcard role "*" (a certificate's "all" or "any") may call every
		// command unless configured
		byRole.putIfAbsent("*", CommandMatcher.compile("*", List.of("*")));
		this.byRole = Map.copyOf(byRole);
	}

	static CompiledCommandPermissions compile(Map<String, ? extends Collection<String>> rolePatterns) {
		Map<String, CommandMatcher> byRole = new HashMap<>();
		// role names match case-insensitively (the seed's default); one role configured
		// in two cases merges
		rolePatterns.forEach((role, patterns) -> byRole.merge(key(role), CommandMatcher.compile(role, patterns),
				CommandMatcher::merge));
		return new CompiledCommandPermissions(byRole);
	}

	private static String key(String role) {
		return role.toLowerCase(Locale.ROOT);
	}

	@Override
	public boolean allows(Set<String> roles, String command) {
		return matcherFor(roles).matches(command);
	}

	@Override
	public boolean grants(Set<String> roles, String permission) {
		for (String role : roles) {
			CommandMatcher matcher = this.configured.get(key(role));
			if (matcher != null && matcher.matches(permission)) {
				return true;
			}
		}
		return false;
	}

	private CommandMatcher matcherFor(Set<String> roles) {
		if (roles.size() == 1) {
			return this.byRole.getOrDefault(key(roles.iterator().next()), CommandMatcher.NOTHING);
		}
		CommandMatcher cached = this.byRoleSet.get(roles);
		if (cached != null) {
			return cached;
		}
		CommandMatcher merged = merge(roles);
		this.byRoleSet.put(Set.copyOf(roles), merged);
		return merged;
	}

	private CommandMatcher merge(Set<String> roles) {
		CommandMatcher merged = CommandMatcher.NOTHING;
		for (String role : roles) {
			merged = merged.merge(this.byRole.getOrDefault(key(role), CommandMatcher.NOTHING));
		}
		return merged;
	}

	int cachedRoleSets() {
		return this.byRoleSet.size();
	}

}
