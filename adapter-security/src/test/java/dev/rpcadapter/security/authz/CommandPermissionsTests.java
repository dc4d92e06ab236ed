package dev.rpcadapter.security.authz;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandPermissionsTests {

	private final CommandPermissions permissions = CommandPermissions
		.of(Map.of("admin", List.of("*"), "user", List.of("echo", "help", "queue_*"), "viewer", List.of("health")));

	@Test
	void wildcardAllowsEveryCommand() {
		assertThat(this.permissions.allows(Set.of("admin"), "anything_at_all")).isTrue();
	}

	@Test
	void exactNamesAndPrefixesAreAllowed() {
		assertThat(this.permissions.allows(Set.of("user"), "echo")).isTrue();
		assertThat(this.permissions.allows(Set.of("user"), "queue_get_job_status")).isTrue();
		assertThat(this.permissions.allows(Set.of("user"), "queue_")).isTrue();
	}

	@Test
	void roleNamesMatchCaseInsensitively() {
		assertThat(this.permissions.allows(Set.of("USER"), "echo")).isTrue();
		assertThat(this.permissions.allows(Set.of("Admin", "viewer"), "anything")).isTrue();
	}

	@Test
	void wildcardRoleMayCallEveryCommandUnlessConfigured() {
		assertThat(this.permissions.allows(Set.of("*"), "anything_at_all")).isTrue();
		CommandPermissions narrowed = CommandPermissions.of(Map.of("*", List.of("health")));
		assertThat(narrowed.allows(Set.of("*"), "health")).isTrue();
		assertThat(narrowed.allows(Set.of("*"), "echo")).isFalse();
	}

	@Test
	void queueAdminIsGrantedByConfiguredRolesOnly() {
		CommandPermissions configured = CommandPermissions.of(Map.of("admin", List.of("*"), "ops",
				List.of("queue:admin"), "user", List.of("queue_*"), "queue_admin", List.of("echo")));
		assertThat(configured.grants(Set.of("admin"), "queue:admin")).isTrue();
		assertThat(configured.grants(Set.of("OPS"), "queue:admin")).isTrue();
		// a prefix of command names does not reach the permission, nor does a role named
		// like it
		assertThat(configured.grants(Set.of("user"), "queue:admin")).isFalse();
		assertThat(configured.grants(Set.of("queue_admin"), "queue:admin")).isFalse();
		// the implicit "*" role may call every command but administers nothing
		assertThat(configured.allows(Set.of("*"), "queue_list_jobs")).isTrue();
		assertThat(configured.grants(Set.of("*"), "queue:admin")).isFalse();
		assertThat(CommandPermissions.of(Map.of("*", List.of("*"))).grants(Set.of("*"), "queue:admin")).isTrue();
	}

	@Test
	void roleAuthorizerDecidesQueueAdminByPermission() {
		RoleCommandAuthorizer authorizer = new RoleCommandAuthorizer(
				CommandPermissions.of(Map.of("ops", List.of("echo", "queue:admin"), "user", List.of("echo"))));
		assertThat(authorizer.isQueueAdmin(dev.rpcadapter.command.Caller.of("carol", Set.of("ops")))).isTrue();
		assertThat(authorizer.isQueueAdmin(dev.rpcadapter.command.Caller.of("dave", Set.of("user", "*")))).isFalse();
		assertThat(authorizer.isAllowed(dev.rpcadapter.command.Caller.of("dave", Set.of("user")), "echo")).isTrue();
	}

	@Test
	void everythingElseIsDenied() {
		assertThat(this.permissions.allows(Set.of("user"), "echo2")).isFalse();
		assertThat(this.permissions.allows(Set.of("user"), "queue")).isFalse();
		assertThat(this.permissions.allows(Set.of("user"), "Echo")).isFalse();
		assertThat(this.permissions.allows(Set.of("unknown"), "echo")).isFalse();
		assertThat(this.permissions.allows(Set.of(), "echo")).isFalse();
	}

	@Test
	void anyRoleOfTheCallerMayGrant() {
		assertThat(this.permissions.allows(Set.of("viewer", "user"), "health")).isTrue();
		assertThat(this.permissions.allows(Set.of("viewer", "user"), "queue_list_jobs")).isTrue();
		assertThat(this.permissions.allows(Set.of("viewer", "unknown"), "echo")).isFalse();
		assertThat(this.permissions.allows(Set.of("viewer", "admin"), "delete_everything")).isTrue();
	}

	@Test
	void listingIsFilteredInOrder() {
		assertThat(this.permissions.allowed(Set.of("user"), List.of("help", "shutdown", "queue_stop_job", "echo")))
			.containsExactly("help", "queue_stop_job", "echo");
	}

	@Test
	void noConfiguredRolesDeniesEverything() {
		assertThat(CommandPermissions.of(Map.of()).allows(Set.of("admin"), "echo")).isFalse();
	}

	@Test
	void unsupportedPatternsAreRejectedAtStartup() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandPermissions.of(Map.of("user", List.of("*_status"))))
			.withMessageContaining("Role 'user' has command pattern '*_status'")
			.withMessageContaining("trailing '*'");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandPermissions.of(Map.of("user", List.of(" "))));
	}

	@Test
	void roleSetCacheStaysBounded() {
		CompiledCommandPermissions compiled = CompiledCommandPermissions.compile(Map.of("user", List.of("echo")));
		for (int i = 0; i < CompiledCommandPermissions.MAX_CACHED_ROLE_SETS * 2; i++) {
			compiled.allows(Set.of("user", "r" + i), "echo");
		}

		assertThat(compiled.cachedRoleSets()).isLessThanOrEqualTo(CompiledCommandPermissions.MAX_CACHED_ROLE_SETS);
	}

}
