package dev.rpcadapter.security.jwt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

import dev.rpcadapter.security.Roles;

/**
 * Turns a verified {@link Jwt} into a {@link JwtAuthenticationToken} with one
 * {@code ROLE_<role>} authority per role found in the configured claim.
 * <p>
 * The claim may hold a list of strings or one string of comma or space separated names; a
 * dotted claim name ({@code realm_access.roles}) walks into nested objects. A missing
 * claim means no roles. The principal name comes from the configured claim ({@code sub}
 * by default); a token without it is refused with an {@link InvalidBearerTokenException}.
 */
public final class JwtRoleConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

	private final String rolesClaim;

	private final String principalClaim;

	/**
	 * Creates a converter.
	 * @param rolesClaim the claim (or dotted path) holding the roles
	 * @param principalClaim the claim naming the caller
	 */
	public JwtRoleConverter(String rolesClaim, String principalClaim) {
		this.rolesClaim = rolesClaim;
		this.principalClaim = principalClaim;
	}

	@Override
	public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
		return Mono.fromSupplier(() -> new JwtAuthenticationToken(jwt, Roles.authorities(roles(jwt)), principal(jwt)));
	}

	/**
	 * Returns the roles of a token.
	 * @param jwt the token
	 * @return the role names in claim order, without duplicates
	 */
	public List<String> roles(Jwt jwt) {
		Object value = lookup(jwt.getClaims(), this.rolesClaim);
		Set<String> roles = new LinkedHashSet<>();
		if (value instanceof Collection<?> values) {
			values.stream()
				.map(String::valueOf)
				.map(String::strip)
				.filter((role) -> !role.isEmpty())
				.forEach(roles::add);
		}
		else if (value instanceof String text) {
			roles.addAll(Roles.split(text.replace(' ', ',')));
		}
		return new ArrayList<>(roles);
	}

	/**
	 * The configured claim's value; a token without it names nobody and is refused (never
	 * a shared name).
	 */
	private String principal(Jwt jwt) {
		Object name = jwt.getClaims().get(this.principalClaim);
		if (name == null || name.toString().isBlank()) {
			throw new InvalidBearerTokenException(
					"The JWT has no '" + this.principalClaim + "' claim naming the caller");
		}
		return name.toString();
	}

	private static @Nullable Object lookup(Map<String, Object> claims, String path) {
		if (claims.containsKey(path)) {
			return claims.get(path);
		}
		Object current = claims;
		for (String part : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(part);
		}
		return current;
	}

}
