package dev.rpcadapter.security.authz;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

import dev.rpcadapter.security.Roles;

/**
 * Decides whether an authentication may call a command (the object being authorized is
 * the command name), from the caller's {@code ROLE_} authorities and
 * {@link CommandPermissions}. No authentication, or an unauthenticated one, is denied.
 */
public final class CommandAuthorizationManager implements ReactiveAuthorizationManager<String> {

	private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	private final CommandPermissions permissions;

	/**
	 * Creates a manager.
	 * @param permissions role to command permissions
	 */
	public CommandAuthorizationManager(CommandPermissions permissions) {
		this.permissions = permissions;
	}

	@Override
	public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, String command) {
		return authentication.filter(Authentication::isAuthenticated)
			.map((caller) -> this.permissions.allows(Roles.of(caller), command))
			.<AuthorizationResult>map((granted) -> granted ? GRANTED : DENIED)
			.defaultIfEmpty(DENIED);
	}

}
