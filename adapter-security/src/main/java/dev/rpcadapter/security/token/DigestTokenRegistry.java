package dev.rpcadapter.security.token;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.rpcadapter.security.internal.Sha256;

/**
 * A {@link TokenRegistry} that keeps only SHA-256 digests of the tokens.
 */
final class DigestTokenRegistry implements TokenRegistry {

	private static final int SHA256_HEX_LENGTH = 64;

	private static final int DEFAULT_NAME_HEX_LENGTH = 6;

	private final List<Entry> entries;

	private DigestTokenRegistry(List<Entry> entries) {
		this.entries = List.copyOf(entries);
	}

	static DigestTokenRegistry create(List<TokenDefinition> definitions) {
		if (definitions.isEmpty()) {
			throw new IllegalStateException("Token authentication is enabled but no API tokens are configured. "
					+ "Add at least one entry under adapter.security.tokens, e.g. \"<token>\": [admin] or "
					+ "\"{sha256}<hex of the token>\": [admin], or switch token authentication off. "
					+ "An empty token list never means 'accept any token'.");
		}
		List<Entry> entries = new ArrayList<>();
		for (TokenDefinition definition : definitions) {
			Entry entry = toEntry(definition);
			if (entries.stream().anyMatch((existing) -> MessageDigest.isEqual(existing.digest(), entry.digest()))) {
				throw new IllegalArgumentException(
						"API token '" + entry.identity().name() + "' is configured twice; remove one of the entries");
			}
			entries.add(entry);
		}
		return new DigestTokenRegistry(entries);
	}

	private static Entry toEntry(TokenDefinition definition) {
		byte[] digest = digestOf(definition.token());
		String hex = HexFormat.of().formatHex(digest);
		String name = nameOf(definition.name(), hex);
		return new Entry(digest, new TokenIdentity(name, definition.roles()));
	}

	private static byte[] digestOf(String token) {
		if (!token.startsWith(TokenDefinition.SHA256_PREFIX)) {
			return Sha256.digest(token);
		}
		String hex = token.substring(TokenDefinition.SHA256_PREFIX.length()).strip().toLowerCase(Locale.ROOT);
		if (hex.length() != SHA256_HEX_LENGTH || !hex.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
			throw new IllegalArgumentException("API token key '" + TokenDefinition.SHA256_PREFIX
					+ "…' must be followed "
					+ "by the 64 hex characters of the token's SHA-256, e.g. from: printf %s 'token' | sha256sum");
		}
		return HexFormat.of().parseHex(hex);
	}

	private static String nameOf(@Nullable String configured, String digestHex) {
		return (configured != null) ? configured : digestHex.substring(0, DEFAULT_NAME_HEX_LENGTH);
	}

	@Override
	public Optional<TokenIdentity> find(String token) {
		byte[] presented = Sha256.digest(token);
		TokenIdentity found = null;
		for (Entry entry : this.entries) {
			if (MessageDigest.isEqual(presented, entry.digest()) && found == null) {
				found = entry.identity();
			}
		}
		return Optional.ofNullable(found);
	}

	private record Entry(byte[] digest, TokenIdentity identity) {
	}

}
