package dev.rpcadapter.security.authz;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiled command patterns: everything, exact names, and name prefixes.
 */
record CommandMatcher(boolean matchesAll, Set<String> names, List<String> prefixes) {

	static final CommandMatcher NOTHING = new CommandMatcher(false, Set.of(), List.of());

	private static final String WILDCARD = "*";

	CommandMatcher {
		names = Set.copyOf(names);
		prefixes = List.copyOf(prefixes);
	}

	static CommandMatcher compile(String role, Collection<String> patterns) {
		boolean all = false;
		Set<String> names = new HashSet<>();
		List<String> prefixes = new ArrayList<>();
		for (String raw : patterns) {
			String pattern = validate(role, raw);
			if (pattern.equals(WILDCARD)) {
				all = true;
			}
			else if (pattern.endsWith(WILDCARD)) {
				prefixes.add(pattern.substring(0, pattern.length() - 1));
			}
			else {
				names.add(pattern);
			}
		}
		return new CommandMatcher(all, names, prefixes);
	}

	private static String validate(String role, String raw) {
		String pattern = raw.strip();
		if (pattern.isEmpty()) {
			throw new IllegalArgumentException("Role '" + role + "' has a blank command pattern");
		}
		int star = pattern.indexOf('*');
		if (star >= 0 && star != pattern.length() - 1) {
			throw new IllegalArgumentException("Role '" + role + "' has command pattern '" + pattern
					+ "'; only '*' (every command) or a trailing '*' (a prefix, e.g. 'queue_*') are supported");
		}
		return pattern;
	}

	CommandMatcher merge(CommandMatcher other) {
		if (this.matchesAll || other.matchesAll) {
			return new CommandMatcher(true, Set.of(), List.of());
		}
		Set<String> mergedNames = new HashSet<>(this.names);
		mergedNames.addAll(other.names);
		List<String> mergedPrefixes = new ArrayList<>(this.prefixes);
		other.prefixes.stream().filter((prefix) -> !mergedPrefixes.contains(prefix)).forEach(mergedPrefixes::add);
		return new CommandMatcher(false, mergedNames, mergedPrefixes);
	}

	boolean matches(String command) {
		if (this.matchesAll || this.names.contains(command)) {
			return true;
		}
		for (String prefix : this.prefixes) {
			if (command.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
