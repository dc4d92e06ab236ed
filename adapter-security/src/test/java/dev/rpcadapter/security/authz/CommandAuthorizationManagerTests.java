package dev.rpcadapter.security.authz;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

import dev.rpcadapter.security.token.ApiTokenAuthentication;
import dev.rpcadapter.security.token.TokenIdentity;

import static org.assertj.core.api.Assertions.assertThat;

class CommandAuthorizationManagerTests {

	private final CommandAuthorizationManager manager = new CommandAuthorizationManager(
			CommandPermissions.of(Map.of("user", List.of("echo"))));

	@Test
	void callerWithAGrantingRoleIsAllowed() {
		assertThat(decide(Mono.just(user("user")), "echo")).isTrue();
	}

	@Test
	void callerWithoutAGrantingRoleIsDenied() {
		assertThat(decide(Mono.just(user("user")), "shutdown")).isFalse();
		assertThat(decide(Mono.just(user("guest")), "echo")).isFalse();
	}

	@Test
	void missingOrUnauthenticatedCallerIsDenied() {
		TestingAuthenticationToken unauthenticated = new TestingAuthenticationToken("x", "y", "ROLE_user");
		unauthenticated.setAuthenticated(false);

		assertThat(decide(Mono.empty(), "echo")).isFalse();
		assertThat(decide(Mono.just(unauthenticated), "echo")).isFalse();
	}

	private boolean decide(Mono<Authentication> authentication, String command) {
		AuthorizationResult result = this.manager.authorize(authentication, command).block();
		return result != null && result.isGranted();
	}

	private static Authentication user(String role) {
		return ApiTokenAuthentication.authenticated(new TokenIdentity("alice", List.of(role)));
	}

}
