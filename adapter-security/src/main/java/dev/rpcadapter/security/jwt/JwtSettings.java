package dev.rpcadapter.security.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How JSON Web Tokens are verified and turned into roles. Start from
 * {@link #hmac(String)}, {@link #issuer(String)} or {@link #jwkSetUri(String)} and adjust
 * with the {@code with…} methods.
 *
 * @param secret the HS256 shared secret (at least 32 bytes of UTF-8), or {@code null}
 * @param jwkSetUri where the issuer's public keys are published, or {@code null}
 * @param issuer the required {@code iss} claim; alone (without secret or JWK set URI) it
 * is also where the keys are discovered (OpenID/OAuth metadata); {@code null} for no
 * issuer check
 * @param audience a value the {@code aud} claim must contain, or {@code null} for no
 * check
 * @param rolesClaim the claim holding the roles: a list of strings, or one string with
 * comma or space separated names; a dotted path such as {@code realm_access.roles} reads
 * nested claims
 * @param principalClaim the claim naming the caller, usually {@code sub}
 * @param clockSkew tolerance when checking {@code exp} and {@code nbf}
 */
public record JwtSettings(@Nullable String secret, @Nullable String jwkSetUri, @Nullable String issuer,
		@Nullable String audience, String rolesClaim, String principalClaim, Duration clockSkew) {

	/** The minimum HS256 secret length in bytes (256 bits, as RFC 7518 requires). */
	public static final int MIN_SECRET_BYTES = 32;

	/** Default for {@link #rolesClaim()}. */
	public static final String DEFAULT_ROLES_CLAIM = "roles";

	/** Default for {@link #principalClaim()}. */
	public static final String DEFAULT_PRINCIPAL_CLAIM = "sub";

	/** Default for {@link #clockSkew()}. */
	public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

	public JwtSettings {
		if (secret != null && jwkSetUri != null) {
			throw new IllegalArgumentException("Configure either a JWT secret or a JWK set URI, not both");
		}
		if (secret == null && jwkSetUri == null && issuer == null) {
			throw new IllegalArgumentException("JWT verification needs a secret, a JWK set URI or an issuer URI");
		}
		if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("The JWT secret must be at least " + MIN_SECRET_BYTES
					+ " bytes long for HS256; generate one with: openssl rand -base64 48");
		}
		if (rolesClaim.isBlank() || principalClaim.isBlank()) {
			throw new IllegalArgumentException("The JWT roles and principal claim names must not be blank");
		}
		if (clockSkew.isNegative()) {
			throw new IllegalArgumentException("The JWT clock skew must not be negative");
		}
	}

	/**
	 * @return settings for HS256 tokens signed with the given shared secret
	 */
	public static JwtSettings hmac(String secret) {
		return new JwtSettings(secret, null, null, null, DEFAULT_ROLES_CLAIM, DEFAULT_PRINCIPAL_CLAIM,
				DEFAULT_CLOCK_SKEW);
	}

	/**
	 * @return settings for tokens from an issuer whose keys are discovered from its
	 * metadata
	 */
	public static JwtSettings issuer(String issuerUri) {
		return new JwtSettings(null, null, issuerUri, null, DEFAULT_ROLES_CLAIM, DEFAULT_PRINCIPAL_CLAIM,
				DEFAULT_CLOCK_SKEW);
	}

	/**
	 * @return settings for tokens signed by keys published at a JWK set URI (RS256 or
	 * ES256)
	 */
	public static JwtSettings jwkSetUri(String uri) {
		return new JwtSettings(null, uri, null, null, DEFAULT_ROLES_CLAIM, DEFAULT_PRINCIPAL_CLAIM, DEFAULT_CLOCK_SKEW);
	}

	/**
	 * @return a copy that requires this {@code iss} claim
	 */
	public JwtSettings withIssuer(@Nullable String requiredIssuer) {
		return new JwtSettings(this.secret, this.jwkSetUri, requiredIssuer, this.audience, this.rolesClaim,
				this.principalClaim, this.clockSkew);
	}

	/**
	 * @return a copy that requires this value in the {@code aud} claim
	 */
	public JwtSettings withAudience(@Nullable String requiredAudience) {
		return new JwtSettings(this.secret, this.jwkSetUri, this.issuer, requiredAudience, this.rolesClaim,
				this.principalClaim, this.clockSkew);
	}

	/**
	 * @return a copy that reads roles from this claim (a dotted path reads nested claims)
	 */
	public JwtSettings withRolesClaim(String claim) {
		return new JwtSettings(this.secret, this.jwkSetUri, this.issuer, this.audience, claim, this.principalClaim,
				this.clockSkew);
	}

	/**
	 * @return a copy that names the caller after this claim
	 */
	public JwtSettings withPrincipalClaim(String claim) {
		return new JwtSettings(this.secret, this.jwkSetUri, this.issuer, this.audience, this.rolesClaim, claim,
				this.clockSkew);
	}

	/**
	 * @return a copy with this tolerance for {@code exp} and {@code nbf}
	 */
	public JwtSettings withClockSkew(Duration skew) {
		return new JwtSettings(this.secret, this.jwkSetUri, this.issuer, this.audience, this.rolesClaim,
				this.principalClaim, skew);
	}

	@Override
	public String toString() {
		return "JwtSettings[secret=" + ((this.secret != null) ? "******" : "none") + ", jwkSetUri=" + this.jwkSetUri
				+ ", issuer=" + this.issuer + ", audience=" + this.audience + ", rolesClaim=" + this.rolesClaim
				+ ", principalClaim=" + this.principalClaim + ", clockSkew=" + this.clockSkew + "]";
	}

}
