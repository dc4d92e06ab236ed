package dev.rpcadapter.autoconfigure.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.rpcadapter.autoconfigure.diagnostics.AdapterSecurityConfigurationException;
import dev.rpcadapter.security.cert.CertificateAuthenticationManager;
import dev.rpcadapter.security.jwt.JwtSecurity;
import dev.rpcadapter.security.jwt.JwtSettings;
import dev.rpcadapter.security.token.TokenAuthenticationManager;
import dev.rpcadapter.security.token.TokenDefinition;
import dev.rpcadapter.security.token.TokenRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.DelegatingReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Builds the authentication managers that {@code adapter.security.*} enables, failing
 * with an {@link AdapterSecurityConfigurationException} on settings that cannot work.
 */
final class AuthenticationManagers {

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(AuthenticationManagers.class);

	private AuthenticationManagers() {
	}

	/**
	 * @return whether API tokens are accepted (explicitly, or because tokens or no other
	 * method is configured)
	 */
	static boolean tokenAuthEnabled(AdapterSecurityProperties properties) {
		return tokenAuthEnabled(properties, properties.getJwt().isConfigured());
	}

	private static boolean tokenAuthEnabled(AdapterSecurityProperties properties, boolean jwtOn) {
		Boolean explicit = properties.getTokenAuth();
		if (explicit != null) {
			return explicit;
		}
		return !properties.getTokens().isEmpty() || !properties.getTokenList().isEmpty()
				|| !(properties.getMtls().isEnabled() || jwtOn);
	}

	/**
	 * @return the manager for X-API-Key and Bearer credentials, or {@code null} when
	 * neither tokens nor JWTs are on
	 */
	static @Nullable ReactiveAuthenticationManager bearer(AdapterSecurityProperties properties, Clock clock) {
		return bearer(properties, properties.getJwt(), null, clock);
	}

	/**
	 * @param jwt the JWT settings in effect ({@link JwtSources})
	 * @param decoder the application's own {@link ReactiveJwtDecoder} (its bean, or the
	 * one Spring Boot's resource-server support made): when present it verifies JWTs
	 * instead of {@code jwt}'s keys
	 * @return the manager for X-API-Key and Bearer credentials, or {@code null} when
	 * neither tokens nor JWTs are on
	 */
	static @Nullable ReactiveAuthenticationManager bearer(AdapterSecurityProperties properties,
			AdapterSecurityProperties.Jwt jwt, @Nullable ReactiveJwtDecoder decoder, Clock clock) {
		List<ReactiveAuthenticationManager> managers = new ArrayList<>();
		boolean jwtOn = decoder != null || jwt.isConfigured();
		if (tokenAuthEnabled(properties, jwtOn)) {
			managers.add(new TokenAuthenticationManager(tokens(properties)));
		}
		if (decoder != null) {
			logger.info("JWTs are verified by the application's ReactiveJwtDecoder bean; roles from claim '{}', "
					+ "principal from claim '{}'", jwt.getRolesClaim(), jwt.getPrincipalClaim());
			managers.add(JwtSecurity.authenticationManager(decoder, jwt.getRolesClaim(), jwt.getPrincipalClaim()));
		}
		else if (jwt.isConfigured()) {
			managers.add(JwtSecurity.authenticationManager(jwtSettings(jwt), clock));
		}
		if (managers.isEmpty()) {
			return null;
		}
		DelegatingReactiveAuthenticationManager manager = new DelegatingReactiveAuthenticationManager(managers);
		manager.setContinueOnError(true);
		return manager;
	}

	/**
	 * @return the client certificate manager, or {@code null} when mTLS authentication is
	 * off
	 */
	static @Nullable ReactiveAuthenticationManager certificates(AdapterSecurityProperties properties,
			Environment environment) {
		if (!properties.getMtls().isEnabled()) {
			if (properties.getMtls().isRequireToken()) {
				throw new AdapterSecurityConfigurationException(
						"adapter.security.mtls.require-token is true but mTLS authentication is off",
						"Set adapter.security.mtls.enabled=true (with server.ssl.bundle and server.ssl.client-auth=need), "
								+ "or remove adapter.security.mtls.require-token");
			}
			return null;
		}
		if (!environment.containsProperty("server.ssl.bundle")) {
			throw new AdapterSecurityConfigurationException(
					"adapter.security.mtls.enabled is true but the server has no TLS (server.ssl.bundle is not set)",
					"Configure an SSL bundle (spring.ssl.bundle.pem.server.keystore/truststore) and set "
							+ "server.ssl.bundle=server and server.ssl.client-auth=need");
		}
		String clientAuth = environment.getProperty("server.ssl.client-auth", "none");
		if (!clientAuth.equalsIgnoreCase("need") && !clientAuth.equalsIgnoreCase("want")) {
			throw new AdapterSecurityConfigurationException(
					"adapter.security.mtls.enabled is true but server.ssl.client-auth is '" + clientAuth
							+ "', so clients are never asked for a certificate",
					"Set server.ssl.client-auth=need (or want, to also accept token-only callers)");
		}
		return new CertificateAuthenticationManager(properties.getMtls().getDefaultRole());
	}

	private static TokenRegistry tokens(AdapterSecurityProperties properties) {
		List<TokenDefinition> definitions = TokenProperties.definitions(properties);
		if (definitions.isEmpty()) {
			throw new AdapterSecurityConfigurationException(
					"API token authentication is on but adapter.security.tokens and token-list are empty; "
							+ "the adapter never accepts arbitrary tokens",
					"Configure tokens, e.g. adapter.security.token-list[0].sha256=<hex of the token> with "
							+ "adapter.security.token-list[0].roles=admin, or turn token authentication off with "
							+ "adapter.security.token-auth=false and enable adapter.security.mtls.enabled or "
							+ "adapter.security.jwt.*");
		}
		try {
			return TokenRegistry.of(definitions);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new AdapterSecurityConfigurationException("adapter.security.tokens is invalid: " + ex.getMessage(),
					"Fix the entry: a token (or {sha256}<64 hex digits>) with a list of roles", ex);
		}
	}

	static JwtSettings jwtSettings(AdapterSecurityProperties.Jwt jwt) {
		if (jwt.getSecret() == null && jwt.getAudience() == null) {
			if (!jwt.isAllowAnyAudience()) {
				throw new AdapterSecurityConfigurationException(
						"JWTs are verified with an identity provider's keys but no audience is configured, "
								+ "so a token the provider issued for any other application would be accepted",
						"Set spring.security.oauth2.resourceserver.jwt.audiences to this service's audience, or "
								+ "(knowingly) adapter.security.jwt.allow-any-audience=true");
			}
			logger.warn("adapter.security.jwt.allow-any-audience=true: JWTs issued for ANY audience by the configured "
					+ "identity provider are accepted; set spring.security.oauth2.resourceserver.jwt.audiences");
		}
		try {
			return new JwtSettings(jwt.getSecret(), jwt.getJwkSetUri(), jwt.getIssuerUri(), jwt.getAudience(),
					jwt.getRolesClaim(), jwt.getPrincipalClaim(), jwt.getClockSkew());
		}
		catch (IllegalArgumentException ex) {
			throw new AdapterSecurityConfigurationException("adapter.security.jwt is invalid: " + ex.getMessage(),
					"Fix adapter.security.jwt.* (secret of 32+ bytes, or jwk-set-uri, or issuer-uri)", ex);
		}
	}

}
