package dev.rpcadapter.security.authz;

import java.util.Objects;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.dispatch.CommandAuthorizer;

/**
 * A {@link CommandAuthorizer} on {@link CommandPermissions}: a caller may call what its
 * roles allow, and administers the queue only when a configured role grants
 * {@link CommandAuthorizer#QUEUE_ADMIN}.
 */
public final class RoleCommandAuthorizer implements CommandAuthorizer {

	private final CommandPermissions permissions;

	public RoleCommandAuthorizer(CommandPermissions permissions) {
		this.permissions = Objects.requireNonNull(permissions, "permissions");
	}

	@Override
	public boolean isAllowed(Caller caller, String command) {
		return this.permissions.allows(caller.roles(), command);
	}

	@Override
	public boolean isQueueAdmin(Caller caller) {
		return this.permissions.grants(caller.roles(), QUEUE_ADMIN);
	}

}
