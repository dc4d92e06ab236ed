package com.example.firstcontact;

import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;

/**
 * Commands declared on an interface; the bean is an interface-based (JDK) proxy of an
 * implementation.
 */
public interface Greeter {

	@JsonRpcCommand(name = "greet", description = "Greet someone")
	String greet(@CommandParam("name") String name);

}
