package dev.rpcadapter.command;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread-safe registry; the sorted view is rebuilt only when the set of commands changes.
 */
final class DefaultCommandRegistry implements CommandRegistry {

	private final ConcurrentMap<String, Command> commands = new ConcurrentHashMap<>();

	private final AtomicLong version = new AtomicLong();

	private volatile List<Command> sorted = List.of();

	@Override
	public void register(Command command) {
		String name = command.name();
		if (name.startsWith("rpc.")) {
			throw new ReservedCommandNameException(name, command.descriptor().source());
		}
		Command existing = this.commands.putIfAbsent(name, command);
		if (existing != null) {
			throw new DuplicateCommandException(name, existing.descriptor().source(), command.descriptor().source());
		}
		changed();
	}

	@Override
	public boolean unregister(String name) {
		boolean removed = this.commands.remove(name) != null;
		if (removed) {
			changed();
		}
		return removed;
	}

	@Override
	public Optional<Command> find(String name) {
		return Optional.ofNullable(this.commands.get(name));
	}

	@Override
	public Collection<Command> all() {
		return this.sorted;
	}

	@Override
	public long version() {
		return this.version.get();
	}

	private synchronized void changed() {
		this.sorted = this.commands.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
		this.version.incrementAndGet();
	}

}
