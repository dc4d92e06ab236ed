package dev.rpcadapter.security.jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class JwtRoleConverterTests {

	private final JwtRoleConverter converter = new JwtRoleConverter("roles", "sub");

	@Test
	void spaceSeparatedRolesAreSplit() {
		assertThat(this.converter.roles(jwt(Map.of("roles", "admin user  viewer")))).containsExactly("admin", "user",
				"viewer");
	}

	@Test
	void duplicateAndBlankListEntriesAreDropped() {
		assertThat(this.converter.roles(jwt(Map.of("roles", List.of("admin", " ", "admin", "user")))))
			.containsExactly("admin", "user");
	}

	@Test
	void missingNestedClaimMeansNoRoles() {
		JwtRoleConverter nested = new JwtRoleConverter("realm_access.roles", "sub");

		assertThat(nested.roles(jwt(Map.of("realm_access", "not an object")))).isEmpty();
		assertThat(nested.roles(jwt(Map.of()))).isEmpty();
	}

	@Test
	void claimWithADotInItsNameIsReadDirectly() {
		JwtRoleConverter dotted = new JwtRoleConverter("https://example.com/roles", "sub");

		assertThat(dotted.roles(jwt(Map.of("https://example.com/roles", List.of("admin"))))).containsExactly("admin");
	}

	@Test
	void authoritiesArePrefixedRoles() {
		AbstractAuthenticationToken authentication = this.converter.convert(jwt(Map.of("roles", List.of("admin"))))
			.block();

		assertThat(authentication).isNotNull();
		assertThat(authentication.getAuthorities()).extracting("authority").containsExactly("ROLE_admin");
		assertThat(authentication.getName()).isEqualTo("alice");
	}

	private static Jwt jwt(Map<String, Object> claims) {
		Jwt.Builder builder = Jwt.withTokenValue("t")
			.header("alg", "HS256")
			.subject("alice")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60));
		claims.forEach(builder::claim);
		return builder.build();
	}

}
