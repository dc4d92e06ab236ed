package dev.rpcadapter.autoconfigure.diagnostics;

/**
 * The adapter's security is misconfigured; startup stops and
 * {@link AdapterSecurityFailureAnalyzer} prints what is wrong and how to fix it.
 */
public class AdapterSecurityConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String action;

	/**
	 * Creates an exception.
	 * @param description what is wrong
	 * @param action how to fix it
	 */
	public AdapterSecurityConfigurationException(String description, String action) {
		super(description);
		this.action = action;
	}

	/**
	 * Creates an exception for an underlying failure.
	 * @param description what is wrong
	 * @param action how to fix it
	 * @param cause the failure
	 */
	public AdapterSecurityConfigurationException(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	/**
	 * @return how to fix the problem
	 */
	public String action() {
		return this.action;
	}

}
