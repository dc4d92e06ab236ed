package dev.rpcadapter.command;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Executes one command. {@link #prepare} binds and validates params without running
 * anything, so invalid params are rejected (with {@code -32602}) before a job is queued
 * or a method runs.
 *
 * <p>
 * Every handler accepts params by name and by position (the order of the descriptor's
 * {@link CommandDescriptor#params()}): the OpenRPC document publishes
 * {@code paramStructure: "either"} for every command.
 */
@FunctionalInterface
public interface CommandHandler {

	/**
	 * Binds and validates params.
	 * @param params an object (by name), an array (by position) or {@code null}
	 * @return the invocation, ready to run
	 * @throws dev.rpcadapter.jsonrpc.JsonRpcException with {@code -32602} for invalid
	 * params
	 */
	PreparedCall prepare(@Nullable JsonNode params);

}
