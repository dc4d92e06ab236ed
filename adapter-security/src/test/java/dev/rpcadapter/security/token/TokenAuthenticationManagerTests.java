package dev.rpcadapter.security.token;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import dev.rpcadapter.security.Roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenAuthenticationManagerTests {

	private final TokenAuthenticationManager manager = new TokenAuthenticationManager(
			TokenRegistry.of(List.of(new TokenDefinition("admin-secret-key", List.of("admin"), "ops"))));

	@Test
	void apiKeyAuthenticatesWithRoleAuthorities() {
		Authentication result = this.manager.authenticate(ApiTokenAuthentication.unauthenticated("admin-secret-key"))
			.block();

		assertThat(result).isInstanceOfSatisfying(ApiTokenAuthentication.class, (authentication) -> {
			assertThat(authentication.isAuthenticated()).isTrue();
			assertThat(authentication.getName()).isEqualTo("ops");
			assertThat(authentication.roles()).containsExactly("admin");
			assertThat(authentication.getAuthorities()).extracting("authority").containsExactly("ROLE_admin");
			assertThat(authentication.getCredentials()).isNull();
			assertThat(Roles.of(authentication)).containsExactly("admin");
		});
	}

	@Test
	void bearerTokenAuthenticatesLikeAnApiKey() {
		Authentication result = this.manager.authenticate(new BearerTokenAuthenticationToken("admin-secret-key"))
			.block();

		assertThat(result).isNotNull();
		assertThat(result.getName()).isEqualTo("ops");
	}

	@Test
	void unknownTokenFailsWithoutEchoingIt() {
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> this.manager.authenticate(ApiTokenAuthentication.unauthenticated("guess")).block())
			.withMessage("Invalid API token");
	}

	@Test
	void otherAuthenticationTypesAreLeftToOtherManagers() {
		Authentication other = UsernamePasswordAuthenticationToken.unauthenticated("user", "password");

		assertThat(this.manager.authenticate(other).blockOptional()).isEmpty();
		assertThat(this.manager
			.authenticate(ApiTokenAuthentication.authenticated(new TokenIdentity("x", List.of("admin"))))
			.blockOptional()).isEmpty();
	}

	@Test
	void authenticationCannotBeMarkedAuthenticatedFromOutside() {
		ApiTokenAuthentication request = ApiTokenAuthentication.unauthenticated("admin-secret-key");

		assertThatIllegalArgumentException().isThrownBy(() -> request.setAuthenticated(true));
	}

	@Test
	void erasingCredentialsForgetsThePresentedToken() {
		ApiTokenAuthentication request = ApiTokenAuthentication.unauthenticated("admin-secret-key");

		request.eraseCredentials();

		assertThat(request.getCredentials()).isNull();
	}

}
