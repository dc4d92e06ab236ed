package dev.rpcadapter.command;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Executes one command. {@link #prepare} binds and validates params without running anything, so
 * invalid params are rejected (with {@code -32602}) before a job is queued or a method runs.
 */
@FunctionalInterface
public interface CommandHandler {

	/**
	 * Binds and validates params.
	 * @param params an object (by name), an array (by position) or {@code null}
	 * @return the invocation, ready to run
	 * @throws dev.rpcadapter.jsonrpc.JsonRpcException with {@code -32602} for invalid params
	 */
	PreparedCall prepare(@Nullable JsonNode params);
}
