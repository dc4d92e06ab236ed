package dev.rpcadapter.security.token;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Authenticates API tokens against a {@link TokenRegistry}.
 * <p>
 * Handles an unauthenticated {@link ApiTokenAuthentication} ({@code X-API-Key}) and a
 * {@link BearerTokenAuthenticationToken} ({@code Authorization: Bearer}); an unknown
 * token fails with {@link BadCredentialsException}. Other authentication types complete
 * empty, so this manager composes with others (e.g. JWT).
 */
public final class TokenAuthenticationManager implements ReactiveAuthenticationManager {

	private final TokenRegistry registry;

	/**
	 * Creates a manager.
	 * @param registry the configured tokens
	 */
	public TokenAuthenticationManager(TokenRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		String token = presentedToken(authentication);
		if (token == null) {
			return Mono.empty();
		}
		return Mono.justOrEmpty(this.registry.find(token))
			.<Authentication>map(ApiTokenAuthentication::authenticated)
			.switchIfEmpty(Mono.error(() -> new BadCredentialsException("Invalid API token")));
	}

	private static @Nullable String presentedToken(Authentication authentication) {
		if (authentication instanceof ApiTokenAuthentication apiToken && !apiToken.isAuthenticated()) {
			return apiToken.getCredentials();
		}
		if (authentication instanceof BearerTokenAuthenticationToken bearer) {
			return bearer.getToken();
		}
		return null;
	}

}
