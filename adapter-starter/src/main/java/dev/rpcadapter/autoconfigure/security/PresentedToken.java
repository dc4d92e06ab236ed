package dev.rpcadapter.autoconfigure.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import dev.rpcadapter.web.AdapterRequest;
import dev.rpcadapter.security.token.ApiTokenAuthentication;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** A token from {@code X-API-Key} or {@code Authorization: Bearer}. */
record PresentedToken(String value, boolean apiKey) {

	private static final String BEARER = "bearer ";

	/**
	 * {@code X-API-Key} first, else {@code Authorization: Bearer}; both go to the token
	 * and JWT managers.
	 */
	static @Nullable PresentedToken of(AdapterRequest request) {
		String apiKey = request.header("X-API-Key");
		if (apiKey != null && !apiKey.isBlank()) {
			return new PresentedToken(apiKey.strip(), true);
		}
		String authorization = request.header("Authorization");
		if (authorization != null && authorization.length() > BEARER.length()
				&& authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			String token = authorization.substring(BEARER.length()).strip();
			if (!token.isEmpty()) {
				return new PresentedToken(token, false);
			}
		}
		return null;
	}

	Authentication authentication() {
		return this.apiKey ? ApiTokenAuthentication.unauthenticated(this.value)
				: new BearerTokenAuthenticationToken(this.value);
	}

	/**
	 * Equal, compared in time independent of where the values differ (a connection may be
	 * shared by a proxy).
	 */
	boolean sameAs(PresentedToken other) {
		return this.apiKey == other.apiKey && MessageDigest.isEqual(this.value.getBytes(StandardCharsets.UTF_8),
				other.value.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "PresentedToken[" + (this.apiKey ? "X-API-Key" : "Bearer") + "]";
	}
}
