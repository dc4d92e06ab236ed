package dev.rpcadapter.security.token;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One configured API token.
 *
 * @param token the token itself, or {@code {sha256}<hex>} — the lower- or upper-case hex
 * SHA-256 of the token — so the configuration need not contain the secret
 * @param roles the roles the token grants (may be empty: authenticated, but allowed
 * nothing)
 * @param name the name of callers using this token, or {@code null} for the first 6 hex
 * characters of the token's SHA-256 (the adapter's principal is {@code token:<name>})
 */
public record TokenDefinition(String token, List<String> roles, @Nullable String name) {

	/**
	 * Prefix of a {@link #token()} that holds the token's SHA-256 instead of the token.
	 */
	public static final String SHA256_PREFIX = "{sha256}";

	public TokenDefinition {
		if (token.isBlank()) {
			throw new IllegalArgumentException("An API token must not be blank");
		}
		roles = List.copyOf(roles);
		if (name != null && name.isBlank()) {
			throw new IllegalArgumentException("An API token's name must not be blank; omit it to use the default");
		}
	}

	/**
	 * Returns a definition with the default principal name.
	 * @param token the token or {@code {sha256}<hex>}
	 * @param roles the roles it grants
	 * @return the definition
	 */
	public static TokenDefinition of(String token, List<String> roles) {
		return new TokenDefinition(token, roles, null);
	}

}
