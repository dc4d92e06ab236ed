package dev.rpcadapter.autoconfigure.diagnostics;

import dev.rpcadapter.command.CommandMethodNotInvocableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@code @JsonRpcCommand} method that the adapter cannot call. */
class CommandMethodNotInvocableFailureAnalyzer extends AbstractFailureAnalyzer<CommandMethodNotInvocableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CommandMethodNotInvocableException cause) {
		return new FailureAnalysis(
				"The @JsonRpcCommand method " + cause.source() + " cannot be called: " + cause.reason()
						+ ".\n\nA command that cannot be called is not skipped silently; it stops startup.",
				cause.fix(), cause);
	}

}
