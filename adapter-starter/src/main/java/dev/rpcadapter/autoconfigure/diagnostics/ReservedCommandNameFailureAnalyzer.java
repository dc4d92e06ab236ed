package dev.rpcadapter.autoconfigure.diagnostics;

import dev.rpcadapter.command.ReservedCommandNameException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a command name in the reserved {@code rpc.} namespace. */
class ReservedCommandNameFailureAnalyzer extends AbstractFailureAnalyzer<ReservedCommandNameException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ReservedCommandNameException cause) {
		return new FailureAnalysis("The JSON-RPC command '" + cause.commandName() + "' declared by " + cause.source()
				+ " uses the prefix 'rpc.', which JSON-RPC 2.0 reserves for system extensions such as rpc.discover.",
				"Rename the command, e.g. @JsonRpcCommand(name = \"" + cause.commandName().substring(4) + "\").",
				cause);
	}

}
