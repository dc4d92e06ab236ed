package dev.rpcadapter.mcp;

import dev.rpcadapter.jsonrpc.JsonRpcError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How an {@link McpToolSource} answers a {@code tools/call}.
 */
public sealed interface McpToolResult {

	/**
	 * The tool returned a value: text content, plus {@code structuredContent} when it is
	 * an object.
	 */
	static McpToolResult value(@Nullable JsonNode value) {
		return new Value(value);
	}

	/**
	 * The tool failed (bad arguments, its own error, a timeout): a tool error,
	 * {@code isError: true}.
	 */
	static McpToolResult failure(JsonRpcError error) {
		return new Failure(error);
	}

	/**
	 * The call started work that goes on as a task with this id (see
	 * {@link McpToolSource#task}).
	 */
	static McpToolResult task(String taskId) {
		return new Task(taskId);
	}

	/**
	 * The call is refused as a protocol error (an unknown tool, a tool that cannot run as
	 * a task).
	 */
	static McpToolResult refused(int code, String message) {
		return new Refused(code, message);
	}

	/**
	 * @param value the returned value
	 */
	record Value(@Nullable JsonNode value) implements McpToolResult {
	}

	/**
	 * @param error the failure, its message written for the caller
	 */
	record Failure(JsonRpcError error) implements McpToolResult {
	}

	/**
	 * @param taskId the task's id, one {@link McpToolSource#hasTask} answers {@code true}
	 * for
	 */
	record Task(String taskId) implements McpToolResult {
	}

	/**
	 * @param code the JSON-RPC error code ({@code -32602} unknown tool, {@code -32601} no
	 * task support)
	 * @param message the error message
	 */
	record Refused(int code, String message) implements McpToolResult {
	}

}
