package dev.rpcadapter.security.token;

import java.io.Serial;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;

import dev.rpcadapter.security.Roles;

/**
 * An API token credential: unauthenticated as presented by a caller, authenticated once
 * the {@link TokenAuthenticationManager} has found it, with one {@code ROLE_<role>}
 * authority per role.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String name;

	private final List<String> roles;

	private @Nullable String token;

	private ApiTokenAuthentication(String name, List<String> roles, @Nullable String token, boolean authenticated) {
		super(Roles.authorities(roles));
		this.name = name;
		this.roles = List.copyOf(roles);
		this.token = token;
		super.setAuthenticated(authenticated);
	}

	/**
	 * Returns a not yet authenticated token as presented by a caller.
	 * @param token the presented token
	 * @return the authentication request
	 */
	public static ApiTokenAuthentication unauthenticated(String token) {
		return new ApiTokenAuthentication("", List.of(), token, false);
	}

	/**
	 * Returns an authenticated caller.
	 * @param identity who the token identifies and its roles
	 * @return the authentication
	 */
	public static ApiTokenAuthentication authenticated(TokenIdentity identity) {
		return new ApiTokenAuthentication(identity.name(), identity.roles(), null, true);
	}

	/**
	 * @return the role names, without the {@code ROLE_} prefix
	 */
	public List<String> roles() {
		return this.roles;
	}

	/**
	 * @return the presented token while unauthenticated, otherwise {@code null}
	 */
	@Override
	public @Nullable String getCredentials() {
		return this.token;
	}

	@Override
	public String getPrincipal() {
		return this.name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public void setAuthenticated(boolean authenticated) {
		if (authenticated) {
			throw new IllegalArgumentException("Use ApiTokenAuthentication.authenticated(...) to authenticate");
		}
		super.setAuthenticated(false);
	}

	@Override
	public void eraseCredentials() {
		super.eraseCredentials();
		this.token = null;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof ApiTokenAuthentication that && super.equals(that) && this.name.equals(that.name)
				&& Objects.equals(this.token, that.token);
	}

	@Override
	public int hashCode() {
		return Objects.hash(super.hashCode(), this.name);
	}

}
