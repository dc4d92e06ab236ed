package dev.rpcadapter.autoconfigure.diagnostics;

import dev.rpcadapter.command.DuplicateCommandException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains two commands with one name. */
class DuplicateCommandFailureAnalyzer extends AbstractFailureAnalyzer<DuplicateCommandException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DuplicateCommandException cause) {
		return new FailureAnalysis(
				"Two JSON-RPC commands are named '" + cause.commandName() + "':\n\n    - " + cause.existingSource()
						+ "\n    - " + cause.newSource(),
				"Give one of them another name with @JsonRpcCommand(name = \"...\"), or remove one of the beans.",
				cause);
	}

}
