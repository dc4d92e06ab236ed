package dev.rpcadapter.dispatch;

import dev.rpcadapter.command.Caller;

/** Decides whether a caller may call a command; consulted per call and per batch element. */
@FunctionalInterface
public interface CommandAuthorizer {

	/** Allows everything (security off). */
	CommandAuthorizer ALLOW_ALL = (caller, command) -> true;

	boolean isAllowed(Caller caller, String command);
}
