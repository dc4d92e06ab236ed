package dev.rpcadapter.autoconfigure.registration;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an {@link InvalidRegistrationConfigurationException} at startup. */
class InvalidRegistrationConfigurationFailureAnalyzer
		extends AbstractFailureAnalyzer<InvalidRegistrationConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidRegistrationConfigurationException cause) {
		String description = "Proxy registration is misconfigured: " + cause.property() + " is '" + cause.value()
				+ "'. " + cause.reason();
		return new FailureAnalysis(description, cause.action(), cause);
	}

}
