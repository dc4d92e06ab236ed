package dev.rpcadapter.command;

/** Two commands share one name. */
public class DuplicateCommandException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String commandName;

	private final String existingSource;

	private final String newSource;

	public DuplicateCommandException(String commandName, String existingSource, String newSource) {
		super("Command '" + commandName + "' is declared twice: by " + existingSource + " and by " + newSource);
		this.commandName = commandName;
		this.existingSource = existingSource;
		this.newSource = newSource;
	}

	public String commandName() {
		return this.commandName;
	}

	public String existingSource() {
		return this.existingSource;
	}

	public String newSource() {
		return this.newSource;
	}

}
