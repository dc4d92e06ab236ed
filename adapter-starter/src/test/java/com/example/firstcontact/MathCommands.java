package com.example.firstcontact;

import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import org.springframework.stereotype.Component;

// The README's "A command in ten lines", verbatim (package-private class and method).
@Component
class MathCommands {

	@JsonRpcCommand(name = "subtract", description = "Subtract two numbers")
	long subtract(@CommandParam("minuend") long minuend, @CommandParam("subtrahend") long subtrahend) {
		return minuend - subtrahend;
	}

}
