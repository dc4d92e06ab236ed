package dev.rpcadapter.autoconfigure.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.rpcadapter.autoconfigure.diagnostics.AdapterSecurityConfigurationException;
import dev.rpcadapter.security.token.TokenDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@code adapter.security.tokens} (map) and {@code adapter.security.token-list}
 * into token definitions, refusing a plaintext token that is really a digest whose braces
 * were lost: Spring Boot drops {@code {}} from an unbracketed map key, so
 * {@code {sha256}<hex>} would silently become the token {@code sha256<hex>}, which anyone
 * who reads the (non-secret) digest could present.
 */
final class TokenProperties {

	/** "sha256" (any case, a dash or separators around it) followed by 64 hex digits. */
	private static final Pattern DIGEST_LOOKALIKE = Pattern.compile("\\W*sha-?256\\W*[0-9a-f]{64}\\W*");

	private TokenProperties() {
	}

	static List<TokenDefinition> definitions(AdapterSecurityProperties properties) {
		List<TokenDefinition> definitions = new ArrayList<>();
		properties.getTokens().forEach((key, roles) -> {
			rejectDigestLookalike(key, "adapter.security.tokens key");
			definitions.add(TokenDefinition.of(key, roles));
		});
		List<AdapterSecurityProperties.Token> list = properties.getTokenList();
		for (int i = 0; i < list.size(); i++) {
			definitions.add(definition(list.get(i), "adapter.security.token-list[" + i + "]"));
		}
		return definitions;
	}

	private static TokenDefinition definition(AdapterSecurityProperties.Token token, String where) {
		@Nullable String sha256 = token.getSha256();
		@Nullable String value = token.getValue();
		if ((sha256 == null) == (value == null)) {
			throw new AdapterSecurityConfigurationException(
					where + " needs exactly one of sha256 and value, it has " + ((sha256 == null) ? "neither" : "both"),
					"Give sha256 (the hex SHA-256 of the token, from: printf %s 'token' | sha256sum), or value");
		}
		if (value != null) {
			rejectDigestLookalike(value, where + ".value");
		}
		try {
			return new TokenDefinition((sha256 != null) ? TokenDefinition.SHA256_PREFIX + sha256 : value,
					token.getRoles(), token.getName());
		}
		catch (IllegalArgumentException ex) {
			throw new AdapterSecurityConfigurationException(where + " is invalid: " + ex.getMessage(),
					"Fix the entry: a name, sha256 or value, and roles", ex);
		}
	}

	private static void rejectDigestLookalike(String token, String where) {
		if (!token.startsWith(TokenDefinition.SHA256_PREFIX)
				&& DIGEST_LOOKALIKE.matcher(token.toLowerCase(Locale.ROOT)).matches()) {
			throw new AdapterSecurityConfigurationException(where + " '" + token.substring(0, 6)
					+ "…' looks like a SHA-256 digest whose braces were lost, so it would be accepted as the plaintext "
					+ "token 'sha256<hex>' by anyone who reads the digest",
					"Write the key in brackets so the braces stay (\"[{sha256}<hex>]\": [roles] in YAML, "
							+ "adapter.security.tokens[{sha256}<hex>]=roles in properties), or use "
							+ "adapter.security.token-list with sha256: <hex>");
		}
	}

}
