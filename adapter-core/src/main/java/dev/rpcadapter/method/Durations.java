package dev.rpcadapter.method;

import java.time.Duration;
import java.util.Locale;

/**
 * Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} and ISO-8601
 * durations.
 */
final class Durations {

	private Durations() {
	}

	public static Duration parse(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		if (value.startsWith("p")) {
			return Duration.parse(value.toUpperCase(Locale.ROOT));
		}
		String[] units = { "ms", "s", "m", "h", "d" };
		for (String unit : units) {
			if (value.endsWith(unit) && value.length() > unit.length()
					&& Character.isDigit(value.charAt(value.length() - unit.length() - 1))) {
				long amount = Long.parseLong(value.substring(0, value.length() - unit.length()).trim());
				return switch (unit) {
					case "ms" -> Duration.ofMillis(amount);
					case "s" -> Duration.ofSeconds(amount);
					case "m" -> Duration.ofMinutes(amount);
					case "h" -> Duration.ofHours(amount);
					default -> Duration.ofDays(amount);
				};
			}
		}
		throw new IllegalArgumentException("Not a duration: '" + text + "'");
	}

}
