package dev.rpcadapter.autoconfigure.web.servlet;

import java.util.function.BooleanSupplier;

import dev.rpcadapter.command.CommandRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Whether no registered command has its own sync cap; worked out again when the registry
 * changes.
 */
final class SyncCapFree implements BooleanSupplier {

	private final ObjectProvider<CommandRegistry> registry;

	private volatile @Nullable CommandRegistry resolved;

	private volatile long version = -1;

	private volatile boolean free;

	SyncCapFree(ObjectProvider<CommandRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public boolean getAsBoolean() {
		CommandRegistry commands = this.resolved;
		if (commands == null) {
			commands = this.registry.getIfAvailable();
			if (commands == null) {
				return true;
			}
			this.resolved = commands;
		}
		long current = commands.version();
		if (current != this.version) {
			this.free = commands.all().stream().noneMatch((command) -> command.descriptor().syncCap() != null);
			this.version = current;
		}
		return this.free;
	}

}
