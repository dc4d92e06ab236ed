package dev.rpcadapter.command;

/**
 * A command name uses the {@code rpc.} prefix, which JSON-RPC 2.0 reserves for system
 * extensions.
 */
public class ReservedCommandNameException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String commandName;

	private final String source;

	public ReservedCommandNameException(String commandName, String source) {
		super("Command name '" + commandName + "' (" + source
				+ ") uses the prefix 'rpc.', which JSON-RPC 2.0 reserves for system extensions; rename it");
		this.commandName = commandName;
		this.source = source;
	}

	public String commandName() {
		return this.commandName;
	}

	public String source() {
		return this.source;
	}

}
