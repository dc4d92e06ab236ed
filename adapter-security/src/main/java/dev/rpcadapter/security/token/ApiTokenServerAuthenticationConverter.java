package dev.rpcadapter.security.token;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the caller's token from {@code X-API-Key} (an {@link ApiTokenAuthentication}) or
 * else from {@code Authorization: Bearer} (a {@link BearerTokenAuthenticationToken},
 * which may be an opaque token or a JWT). Completes empty when neither header carries a
 * token.
 */
public final class ApiTokenServerAuthenticationConverter implements ServerAuthenticationConverter {

	/** The API key header. */
	public static final String API_KEY_HEADER = "X-API-Key";

	private static final String BEARER_PREFIX = "bearer ";

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		String apiKey = headers.getFirst(API_KEY_HEADER);
		if (apiKey != null && !apiKey.isBlank()) {
			return Mono.just(ApiTokenAuthentication.unauthenticated(apiKey.strip()));
		}
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.length() > BEARER_PREFIX.length()
				&& authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
			String token = authorization.substring(BEARER_PREFIX.length()).strip();
			if (!token.isEmpty()) {
				return Mono.just(new BearerTokenAuthenticationToken(token));
			}
		}
		return Mono.empty();
	}

}
