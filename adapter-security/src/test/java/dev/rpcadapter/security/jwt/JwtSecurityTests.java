package dev.rpcadapter.security.jwt;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import dev.rpcadapter.security.Roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class JwtSecurityTests {

	private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!";

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private final JwtSettings settings = JwtSettings.hmac(SECRET).withIssuer("https://issuer.example");

	@Test
	void validTokenIsDecoded() throws Exception {
		Jwt jwt = JwtSecurity.decoder(this.settings, CLOCK).decode(hmacToken(SECRET, claims())).block();

		assertThat(jwt).isNotNull();
		assertThat(jwt.getSubject()).isEqualTo("alice");
	}

	@Test
	void tokenSignedWithAnotherSecretIsRejected() throws Exception {
		String token = hmacToken("another-secret-that-is-also-32-bytes!!", claims());

		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> JwtSecurity.decoder(this.settings, CLOCK).decode(token).block());
	}

	@Test
	void expiredTokenIsRejectedBeyondTheClockSkew() throws Exception {
		String token = hmacToken(SECRET, claims().expirationTime(Date.from(NOW.minus(Duration.ofMinutes(2)))));
		String withinSkew = hmacToken(SECRET, claims().expirationTime(Date.from(NOW.minusSeconds(30))));

		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> JwtSecurity.decoder(this.settings, CLOCK).decode(token).block())
			.withMessageContaining("expired");
		assertThatNoException().isThrownBy(() -> JwtSecurity.decoder(this.settings, CLOCK).decode(withinSkew).block());
	}

	@Test
	void tokenWithoutExpiryIsRejected() throws Exception {
		String token = hmacToken(SECRET, claims().expirationTime(null));

		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> JwtSecurity.decoder(this.settings, CLOCK).decode(token).block());
	}

	@Test
	void tokenFromAnotherIssuerIsRejected() throws Exception {
		String token = hmacToken(SECRET, claims().issuer("https://evil.example"));

		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> JwtSecurity.decoder(this.settings, CLOCK).decode(token).block())
			.withMessageContaining("iss");
	}

	@Test
	void audienceIsCheckedWhenConfigured() throws Exception {
		JwtSettings withAudience = this.settings.withAudience("rpc-adapter");
		String good = hmacToken(SECRET, claims().audience(List.of("other", "rpc-adapter")));
		String bad = hmacToken(SECRET, claims().audience("other"));

		assertThatNoException().isThrownBy(() -> JwtSecurity.decoder(withAudience, CLOCK).decode(good).block());
		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> JwtSecurity.decoder(withAudience, CLOCK).decode(bad).block());
	}

	@Test
	void authenticationCarriesRolesFromAListClaim() throws Exception {
		Authentication authentication = authenticate(this.settings, claims().claim("roles", List.of("admin", "user")));

		assertThat(authentication.getName()).isEqualTo("alice");
		assertThat(Roles.of(authentication)).containsExactlyInAnyOrder("admin", "user");
	}

	@Test
	void authenticationCarriesRolesFromACommaSeparatedClaim() throws Exception {
		Authentication authentication = authenticate(this.settings, claims().claim("roles", "admin, user"));

		assertThat(Roles.of(authentication)).containsExactlyInAnyOrder("admin", "user");
	}

	@Test
	void rolesAndPrincipalClaimsAreConfigurable() throws Exception {
		JwtSettings custom = this.settings.withRolesClaim("realm_access.roles")
			.withPrincipalClaim("preferred_username");
		Authentication authentication = authenticate(custom,
				claims().claim("realm_access", Map.of("roles", List.of("user")))
					.claim("preferred_username", "Alice A."));

		assertThat(authentication.getName()).isEqualTo("Alice A.");
		assertThat(Roles.of(authentication)).containsExactly("user");
	}

	@Test
	void tokenWithoutRolesClaimAuthenticatesWithoutRoles() throws Exception {
		assertThat(Roles.of(authenticate(this.settings, claims()))).isEmpty();
	}

	@Test
	void invalidTokenFailsAuthentication() {
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> JwtSecurity.authenticationManager(this.settings, CLOCK)
				.authenticate(new BearerTokenAuthenticationToken("not-a-jwt"))
				.block());
	}

	@Test
	void tokensSignedByKeysFromAJwkSetUriAreVerified() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		server.createContext("/jwks", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			exchange.getResponseBody().write(jwks);
			exchange.close();
		});
		server.start();
		try {
			String uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
			ReactiveJwtDecoder decoder = JwtSecurity.decoder(JwtSettings.jwkSetUri(uri), CLOCK);
			String token = sign(new RSASSASigner(key),
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").type(JOSEObjectType.JWT).build(), claims());

			assertThat(decoder.decode(token).blockOptional(Duration.ofSeconds(10))).isPresent();
			assertThatExceptionOfType(BadJwtException.class)
				.isThrownBy(() -> decoder.decode(hmacToken(SECRET, claims())).block(Duration.ofSeconds(10)));
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void issuerDecoderIsBuiltWithoutContactingTheIssuer() {
		assertThat(JwtSecurity.decoder(JwtSettings.issuer("http://127.0.0.1:9/unreachable"), CLOCK)).isNotNull();
	}

	@Test
	void shortSecretsAndAmbiguousSettingsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> JwtSettings.hmac("short"))
			.withMessageContaining("at least 32 bytes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JwtSettings(SECRET, "http://x/jwks", null, null, "roles", "sub", Duration.ZERO));
		assertThat(JwtSettings.hmac(SECRET).toString()).doesNotContain(SECRET);
	}

	private static Authentication authenticate(JwtSettings settings, JWTClaimsSet.Builder claims) throws Exception {
		return JwtSecurity.authenticationManager(settings, CLOCK)
			.authenticate(new BearerTokenAuthenticationToken(hmacToken(SECRET, claims)))
			.block();
	}

	private static JWTClaimsSet.Builder claims() {
		return new JWTClaimsSet.Builder().subject("alice")
			.issuer("https://issuer.example")
			.issueTime(Date.from(NOW.minus(Duration.ofMinutes(10))))
			.expirationTime(Date.from(NOW.plus(Duration.ofMinutes(10))));
	}

	private static String hmacToken(String secret, JWTClaimsSet.Builder claims) throws Exception {
		return sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)),
				new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
	}

	private static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet.Builder claims) throws Exception {
		SignedJWT jwt = new SignedJWT(header, claims.build());
		jwt.sign(signer);
		return jwt.serialize();
	}

}
