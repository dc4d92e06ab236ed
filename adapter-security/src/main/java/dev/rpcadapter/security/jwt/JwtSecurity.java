package dev.rpcadapter.security.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;

/**
 * Builds Spring Security JWT decoders and authentication managers from
 * {@link JwtSettings}.
 * <p>
 * Every decoder verifies the signature, requires an {@code exp} claim and checks it (and
 * {@code nbf}) with the configured clock skew, and checks {@code iss} and {@code aud}
 * when they are configured.
 */
public final class JwtSecurity {

	private JwtSecurity() {
	}

	/**
	 * Builds a decoder that uses the system clock.
	 * @param settings how tokens are verified
	 * @return the decoder
	 */
	public static ReactiveJwtDecoder decoder(JwtSettings settings) {
		return decoder(settings, Clock.systemUTC());
	}

	/**
	 * Builds a decoder. Issuer and JWK set look-ups happen on first use, not here.
	 * @param settings how tokens are verified
	 * @param clock decides whether tokens have expired
	 * @return the decoder
	 */
	public static ReactiveJwtDecoder decoder(JwtSettings settings, Clock clock) {
		NimbusReactiveJwtDecoder decoder = signatureVerifier(settings);
		decoder.setJwtValidator(validator(settings, clock));
		return decoder;
	}

	/**
	 * Builds an authentication manager for {@code Authorization: Bearer} JWTs whose
	 * authentications carry the roles of {@link JwtSettings#rolesClaim()}.
	 * @param settings how tokens are verified and read
	 * @param clock decides whether tokens have expired
	 * @return the manager
	 */
	public static ReactiveAuthenticationManager authenticationManager(JwtSettings settings, Clock clock) {
		return authenticationManager(decoder(settings, clock), settings.rolesClaim(), settings.principalClaim());
	}

	/**
	 * Builds an authentication manager on a decoder of the application's own (which does
	 * the signature, time, issuer and audience checks it was configured with).
	 * @param decoder verifies and decodes tokens
	 * @param rolesClaim the claim holding the roles
	 * @param principalClaim the claim naming the caller (a token without it is refused)
	 * @return the manager
	 */
	public static ReactiveAuthenticationManager authenticationManager(ReactiveJwtDecoder decoder, String rolesClaim,
			String principalClaim) {
		JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
		manager.setJwtAuthenticationConverter(new JwtRoleConverter(rolesClaim, principalClaim));
		return manager;
	}

	private static NimbusReactiveJwtDecoder signatureVerifier(JwtSettings settings) {
		String secret = settings.secret();
		if (secret != null) {
			SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
			return NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		}
		String jwkSetUri = settings.jwkSetUri();
		var builder = (jwkSetUri != null) ? NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri)
				: NimbusReactiveJwtDecoder.withIssuerLocation(requireIssuer(settings));
		return builder.jwsAlgorithms((algorithms) -> {
			algorithms.add(SignatureAlgorithm.RS256);
			algorithms.add(SignatureAlgorithm.ES256);
		}).build();
	}

	private static String requireIssuer(JwtSettings settings) {
		String issuer = settings.issuer();
		if (issuer == null) {
			throw new IllegalArgumentException("JWT verification needs a secret, a JWK set URI or an issuer URI");
		}
		return issuer;
	}

	private static OAuth2TokenValidator<Jwt> validator(JwtSettings settings, Clock clock) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
		timestamps.setClock(clock);
		timestamps.setAllowEmptyExpiryClaim(false);
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(timestamps);
		if (settings.issuer() != null) {
			validators.add(new JwtIssuerValidator(settings.issuer()));
		}
		String audience = settings.audience();
		if (audience != null) {
			// one audience, or several separated by commas: the token must name one of
			// them
			List<String> accepted = java.util.Arrays.stream(audience.split(","))
				.map(String::strip)
				.filter((value) -> !value.isEmpty())
				.toList();
			validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
					(values) -> values != null && values.stream().anyMatch(accepted::contains)));
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

}
