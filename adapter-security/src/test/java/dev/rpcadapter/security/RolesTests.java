package dev.rpcadapter.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RolesTests {

	@Test
	void roleBecomesPrefixedAuthority() {
		assertThat(Roles.authority("admin").getAuthority()).isEqualTo("ROLE_admin");
		assertThat(Roles.authorities(List.of("a", "b"))).extracting("authority").containsExactly("ROLE_a", "ROLE_b");
	}

	@Test
	void blankRoleIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Roles.authority(" "));
	}

	@Test
	void rolesAreRecoveredFromRoleAuthoritiesOnly() {
		TestingAuthenticationToken authentication = new TestingAuthenticationToken("u", "p", "ROLE_admin", "SCOPE_read",
				"ROLE_user");

		assertThat(Roles.of(authentication)).containsExactlyInAnyOrder("admin", "user");
	}

	@Test
	void commaSeparatedRolesAreSplitTrimmedAndDeduplicated() {
		assertThat(Roles.split(" admin, user,,admin ,")).containsExactly("admin", "user");
		assertThat(Roles.split("")).isEmpty();
	}

}
