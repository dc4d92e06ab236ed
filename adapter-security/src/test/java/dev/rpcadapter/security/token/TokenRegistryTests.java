package dev.rpcadapter.security.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rpcadapter.security.internal.Sha256;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TokenRegistryTests {

	@Test
	void configuredTokenMapsToItsRoles() {
		TokenRegistry registry = TokenRegistry.of(Map.of("admin-secret-key", List.of("admin", "user")));

		assertThat(registry.find("admin-secret-key"))
			.hasValueSatisfying((identity) -> assertThat(identity.roles()).containsExactly("admin", "user"));
	}

	@Test
	void sha256KeyMatchesTheTokenItHashes() {
		String hex = Sha256.hex("s3cret-token");
		TokenRegistry registry = TokenRegistry.of(Map.of("{sha256}" + hex.toUpperCase(), List.of("user")));

		assertThat(registry.find("s3cret-token")).isPresent();
		assertThat(registry.find("{sha256}" + hex)).isEmpty();
	}

	@Test
	void unknownSimilarOrEmptyTokensAreNotFound() {
		TokenRegistry registry = TokenRegistry.of(Map.of("admin-secret-key", List.of("admin")));

		assertThat(registry.find("admin-secret-ke")).isEmpty();
		assertThat(registry.find("admin-secret-key ")).isEmpty();
		assertThat(registry.find("")).isEmpty();
	}

	@Test
	void noConfiguredTokensIsAConfigurationErrorNeverAcceptAnything() {
		assertThatIllegalStateException().isThrownBy(() -> TokenRegistry.of(Map.of()))
			.withMessageContaining("no API tokens are configured")
			.withMessageContaining("adapter.security.tokens");
	}

	@Test
	void defaultNameIsDerivedFromTheTokensDigestNotTheToken() {
		TokenRegistry registry = TokenRegistry.of(Map.of("admin-secret-key", List.of("admin")));

		assertThat(registry.find("admin-secret-key")).get()
			.extracting(TokenIdentity::name)
			.isEqualTo(Sha256.hex("admin-secret-key").substring(0, 6));
	}

	@Test
	void configuredNameIsUsed() {
		TokenRegistry registry = TokenRegistry.of(List.of(new TokenDefinition("k1", List.of("user"), "proxy")));

		assertThat(registry.find("k1")).get().extracting(TokenIdentity::name).isEqualTo("proxy");
	}

	@Test
	void malformedSha256KeyIsRejectedWithHowToFix() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenRegistry.of(Map.of("{sha256}abc", List.of("x"))))
			.withMessageContaining("64 hex characters")
			.withMessageContaining("sha256sum");
	}

	@Test
	void sameTokenConfiguredTwiceIsRejected() {
		Map<String, List<String>> tokens = new LinkedHashMap<>();
		tokens.put("k1", List.of("user"));
		tokens.put("{sha256}" + Sha256.hex("k1"), List.of("admin"));

		assertThatIllegalArgumentException().isThrownBy(() -> TokenRegistry.of(tokens))
			.withMessageContaining("configured twice")
			.withMessageNotContaining("k1'");
	}

	@Test
	void blankTokenIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenRegistry.of(Map.of(" ", List.of("x"))));
	}

}
