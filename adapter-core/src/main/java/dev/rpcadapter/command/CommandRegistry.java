package dev.rpcadapter.command;

import java.util.Collection;
import java.util.Optional;

/**
 * The commands a server offers. Built from {@link JsonRpcCommand} methods at startup;
 * commands may also be registered and removed at run time.
 */
public interface CommandRegistry {

	/**
	 * Registers a command.
	 * @throws DuplicateCommandException if the name is taken
	 * @throws ReservedCommandNameException if the name starts with the reserved prefix
	 * {@code rpc.}
	 */
	void register(Command command);

	/** Removes a command; returns whether it was registered. */
	boolean unregister(String name);

	Optional<Command> find(String name);

	/** All commands, sorted by name. */
	Collection<Command> all();

	/** A number that changes whenever a command is registered or removed (for caches). */
	long version();

	/** Creates an empty registry. */
	static CommandRegistry create() {
		return new dev.rpcadapter.command.DefaultCommandRegistry();
	}

}
