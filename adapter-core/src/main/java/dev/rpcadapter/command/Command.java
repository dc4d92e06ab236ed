package dev.rpcadapter.command;

/**
 * A registered command: its descriptor and its handler.
 *
 * @param descriptor what the command is
 * @param handler how it runs
 */
public record Command(CommandDescriptor descriptor, CommandHandler handler) {

	public String name() {
		return this.descriptor.name();
	}
}
