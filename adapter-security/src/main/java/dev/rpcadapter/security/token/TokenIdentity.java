package dev.rpcadapter.security.token;

import java.util.List;

/**
 * Who presented a valid API token.
 *
 * @param name the principal name
 * @param roles the roles the token grants
 */
public record TokenIdentity(String name, List<String> roles) {

	public TokenIdentity {
		roles = List.copyOf(roles);
	}

}
