package dev.rpcadapter.autoconfigure.registration;

/**
 * An {@code adapter.registration.*} property has a value the registration cannot work
 * with (a wildcard advertised URL, a relative proxy URL, ...). Raised at startup;
 * explained by a FailureAnalyzer.
 */
public class InvalidRegistrationConfigurationException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String value;

	private final String reason;

	private final String action;

	public InvalidRegistrationConfigurationException(String property, String value, String reason, String action) {
		super("Invalid " + property + " '" + value + "': " + reason);
		this.property = property;
		this.value = value;
		this.reason = reason;
		this.action = action;
	}

	/** The full property name, e.g. {@code adapter.registration.advertised-url}. */
	public String property() {
		return this.property;
	}

	public String value() {
		return this.value;
	}

	public String reason() {
		return this.reason;
	}

	/** What the user should do about it. */
	public String action() {
		return this.action;
	}

}
