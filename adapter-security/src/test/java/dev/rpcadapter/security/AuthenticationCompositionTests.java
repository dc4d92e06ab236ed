package dev.rpcadapter.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.DelegatingReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import dev.rpcadapter.security.authz.CommandPermissions;
import dev.rpcadapter.security.jwt.JwtSecurity;
import dev.rpcadapter.security.jwt.JwtSettings;
import dev.rpcadapter.security.token.TokenAuthenticationManager;
import dev.rpcadapter.security.token.TokenRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Shows how the pieces compose: opaque API tokens and JWTs on the same
 * {@code Authorization: Bearer} header, then command permissions on the resulting roles.
 */
class AuthenticationCompositionTests {

	private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!";

	private final ReactiveAuthenticationManager manager = bearerManager();

	private final CommandPermissions permissions = CommandPermissions
		.of(Map.of("admin", List.of("*"), "user", List.of("echo", "queue_*")));

	@Test
	void opaqueTokenAndJwtBothAuthenticateOnTheBearerHeader() throws Exception {
		Authentication apiToken = this.manager.authenticate(new BearerTokenAuthenticationToken("admin-secret-key"))
			.block();
		Authentication jwt = this.manager.authenticate(new BearerTokenAuthenticationToken(jwt("bob", "user"))).block();

		assertThat(this.permissions.allows(Roles.of(apiToken), "shutdown")).isTrue();
		assertThat(jwt.getName()).isEqualTo("bob");
		assertThat(this.permissions.allows(Roles.of(jwt), "queue_list_jobs")).isTrue();
		assertThat(this.permissions.allows(Roles.of(jwt), "shutdown")).isFalse();
	}

	@Test
	void tokenThatIsNeitherFails() {
		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> this.manager.authenticate(new BearerTokenAuthenticationToken("guess")).block());
	}

	private static ReactiveAuthenticationManager bearerManager() {
		DelegatingReactiveAuthenticationManager manager = new DelegatingReactiveAuthenticationManager(
				new TokenAuthenticationManager(TokenRegistry.of(Map.of("admin-secret-key", List.of("admin")))),
				JwtSecurity.authenticationManager(JwtSettings.hmac(SECRET), Clock.systemUTC()));
		manager.setContinueOnError(true);
		return manager;
	}

	private static String jwt(String subject, String roles) throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.claim("roles", roles)
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
				claims);
		jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
		return jwt.serialize();
	}

}
