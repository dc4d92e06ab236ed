package dev.rpcadapter.autoconfigure.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an {@link AdapterSecurityConfigurationException} at startup. */
class AdapterSecurityFailureAnalyzer extends AbstractFailureAnalyzer<AdapterSecurityConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AdapterSecurityConfigurationException cause) {
		return new FailureAnalysis("rpc-adapter security: " + cause.getMessage(), cause.action(), cause);
	}
}
