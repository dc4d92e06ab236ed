package dev.rpcadapter.ca;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Parsed command-line arguments: a command followed by {@code --option value} pairs and
 * {@code --flag}s. Options may repeat; list values may also be comma-separated.
 */
final class CliArguments {

	private static final Set<String> FLAGS = Set.of("san-roles", "help");

	private final String command;

	private final Map<String, List<String>> options;

	private final Set<String> flags;

	private CliArguments(String command, Map<String, List<String>> options, Set<String> flags) {
		this.command = command;
		this.options = options;
		this.flags = flags;
	}

	static CliArguments parse(String[] args) throws UsageException {
		if (args.length == 0) {
			return new CliArguments("help", Map.of(), Set.of());
		}
		Map<String, List<String>> options = new LinkedHashMap<>();
		Set<String> flags = new HashSet<>();
		for (int i = 1; i < args.length; i++) {
			if (!args[i].startsWith("--") || args[i].length() == 2) {
				throw new UsageException("Unexpected argument '" + args[i] + "'; options look like --name value");
			}
			String name = args[i].substring(2);
			if (FLAGS.contains(name)) {
				flags.add(name);
			}
			else if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
				throw new UsageException("Option --" + name + " needs a value");
			}
			else {
				options.computeIfAbsent(name, (key) -> new ArrayList<>()).add(args[++i]);
			}
		}
		return new CliArguments(args[0], options, flags);
	}

	String command() {
		return this.command;
	}

	void allowOnly(Set<String> allowed) throws UsageException {
		for (String name : this.options.keySet()) {
			if (!allowed.contains(name)) {
				throw new UsageException("Unknown option --" + name + " for '" + this.command + "'");
			}
		}
		for (String flag : this.flags) {
			if (!allowed.contains(flag)) {
				throw new UsageException("Unknown option --" + flag + " for '" + this.command + "'");
			}
		}
	}

	@Nullable String value(String name) throws UsageException {
		List<String> values = this.options.get(name);
		if (values == null) {
			return null;
		}
		if (values.size() > 1) {
			throw new UsageException("Option --" + name + " is given more than once");
		}
		return values.get(0);
	}

	String value(String name, String defaultValue) throws UsageException {
		String value = value(name);
		return (value != null) ? value : defaultValue;
	}

	String required(String name) throws UsageException {
		String value = value(name);
		if (value == null || value.isBlank()) {
			throw new UsageException("'" + this.command + "' needs --" + name);
		}
		return value;
	}

	List<String> list(String name) {
		List<String> result = new ArrayList<>();
		for (String value : this.options.getOrDefault(name, List.of())) {
			for (String part : value.split(",")) {
				if (!part.isBlank()) {
					result.add(part.strip());
				}
			}
		}
		return result;
	}

	boolean flag(String name) {
		return this.flags.contains(name);
	}

	int days(int defaultDays) throws UsageException {
		String text = value("days");
		if (text == null) {
			return defaultDays;
		}
		try {
			int days = Integer.parseInt(text);
			if (days < 1) {
				throw new NumberFormatException();
			}
			return days;
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--days must be a positive whole number, not '" + text + "'");
		}
	}

}
