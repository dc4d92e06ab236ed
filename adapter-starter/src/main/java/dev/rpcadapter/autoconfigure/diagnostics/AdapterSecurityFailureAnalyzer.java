package dev.rpcadapter.autoconfigure.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an {@link AdapterSecurityConfigurationException} at startup. */
public class AdapterSecurityFailureAnalyzer extends AbstractFailureAnalyzer<AdapterSecurityConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AdapterSecurityConfigurationException cause) {
		return new FailureAnalysis("rpc-adapter security: " + cause.getMessage(), cause.action(), cause);
	}

}
