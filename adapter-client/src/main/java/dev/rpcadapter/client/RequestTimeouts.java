package dev.rpcadapter.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Resolves the request timeout: explicit argument, else the first environment variable
 * that is set, in seconds (decimals allowed), else 30 s.
 */
final class RequestTimeouts {

	/** Used when neither the builder nor the environment sets a timeout. */
	public static final Duration DEFAULT = Duration.ofSeconds(30);

	private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

	private RequestTimeouts() {
	}

	/**
	 * @param explicit the builder's value, wins when set
	 * @param environment environment lookup
	 * @param variables the variable names, in order of precedence
	 * @return the timeout to use
	 * @throws IllegalArgumentException if the first variable that is set is not a
	 * positive number
	 */
	public static Duration resolve(@Nullable Duration explicit, Function<String, @Nullable String> environment,
			String... variables) {
		if (explicit != null) {
			return explicit;
		}
		for (String variable : variables) {
			String value = environment.apply(variable);
			if (value != null && !value.isBlank()) {
				return parseSeconds(value.trim(), variable);
			}
		}
		return DEFAULT;
	}

	private static Duration parseSeconds(String value, String variable) {
		BigDecimal seconds;
		try {
			seconds = new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			throw invalid(value, variable);
		}
		long nanos = seconds.multiply(NANOS_PER_SECOND).longValue();
		if (seconds.signum() <= 0 || nanos <= 0) {
			throw invalid(value, variable);
		}
		return Duration.ofNanos(nanos);
	}

	private static IllegalArgumentException invalid(String value, String variable) {
		return new IllegalArgumentException(
				variable + " must be a positive number of seconds (e.g. 30 or 2.5), got '" + value + "'");
	}

}
