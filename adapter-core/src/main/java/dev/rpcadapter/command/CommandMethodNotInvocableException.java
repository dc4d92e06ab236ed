package dev.rpcadapter.command;

/**
 * A {@link JsonRpcCommand} method that the adapter cannot call as declared (a static
 * method, a private or final method of a bean behind a class proxy, a class method hidden
 * by an interface proxy, a package not opened to reflection). Such a method fails startup
 * instead of being skipped.
 */
public class CommandMethodNotInvocableException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String source;

	private final String reason;

	private final String fix;

	/**
	 * @param source the bean and method ({@code mathCommands#subtract})
	 * @param reason why it cannot be called
	 * @param fix how to make it callable
	 */
	public CommandMethodNotInvocableException(String source, String reason, String fix) {
		super("@JsonRpcCommand method " + source + " cannot be called: " + reason + ". " + fix);
		this.source = source;
		this.reason = reason;
		this.fix = fix;
	}

	public String source() {
		return this.source;
	}

	public String reason() {
		return this.reason;
	}

	public String fix() {
		return this.fix;
	}

}
