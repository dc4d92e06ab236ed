package dev.rpcadapter.security.token;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured API tokens. Look-ups compare SHA-256 digests in constant time and visit
 * every entry, so neither the token's length nor its position leaks through timing.
 * <p>
 * A registry is never empty: token authentication with no tokens configured is a
 * configuration error, never "accept anything".
 */
public interface TokenRegistry {

	/**
	 * Finds the identity for a presented token.
	 * @param token the token as presented by the caller
	 * @return the identity, or empty when the token is not configured
	 */
	Optional<TokenIdentity> find(String token);

	/**
	 * Creates a registry from the configuration map {@code token -> roles}
	 * ({@code adapter.security.tokens}); a key may be {@code {sha256}<hex>}.
	 * @param tokens the map
	 * @return the registry
	 * @throws IllegalStateException when the map is empty
	 * @throws IllegalArgumentException when an entry is malformed or duplicated
	 */
	static TokenRegistry of(Map<String, ? extends Collection<String>> tokens) {
		return of(tokens.entrySet()
			.stream()
			.map((entry) -> TokenDefinition.of(entry.getKey(), List.copyOf(entry.getValue())))
			.toList());
	}

	/**
	 * Creates a registry from token definitions.
	 * @param definitions the tokens
	 * @return the registry
	 * @throws IllegalStateException when there are no definitions
	 * @throws IllegalArgumentException when a definition is malformed or duplicated
	 */
	static TokenRegistry of(List<TokenDefinition> definitions) {
		return DigestTokenRegistry.create(definitions);
	}

}
