package dev.rpcadapter.slim;

import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import org.springframework.stereotype.Component;

/** The slim server's commands. */
@Component
public class GreetingCommands {

	@JsonRpcCommand(description = "Greets someone")
	public String greet(@CommandParam(description = "who to greet") String name) {
		return "Hello, " + name + "!";
	}

}
