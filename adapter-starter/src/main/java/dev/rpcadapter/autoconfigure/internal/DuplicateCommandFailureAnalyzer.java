package dev.rpcadapter.autoconfigure.internal;

import dev.rpcadapter.command.DuplicateCommandException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup failure caused by two commands with one name, naming both declarations. */
public final class DuplicateCommandFailureAnalyzer extends AbstractFailureAnalyzer<DuplicateCommandException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DuplicateCommandException cause) {
		String description = "Two JSON-RPC commands are named '" + cause.commandName() + "':\n\n    - "
				+ cause.existingSource() + "\n    - " + cause.newSource();
		String action = "Rename one of them with @JsonRpcCommand(name = \"...\"), or remove one of the beans. "
				+ "Command names must be unique across the application.";
		return new FailureAnalysis(description, action, cause);
	}
}
