package dev.rpcadapter.mcp;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tools an {@link McpServer} serves besides the commands of its registry, on the same
 * endpoint, sessions and streams: the tools of other servers, for example (the reference
 * proxy's gateway). Give sources to {@link McpServer.Builder#toolSource}; with the
 * starter, declare them as beans.
 * <p>
 * {@code tools/list} shows the registry's commands, then each source's tools; a local
 * command wins a name clash. Every method gets the authenticated HTTP request of the MCP
 * message (its caller and headers), so a source decides what a caller sees and may
 * forward its credentials. Tasks are optional: a source whose calls answer
 * {@link McpToolResult#task} implements {@link #hasTask}, {@link #task} and
 * {@link #cancelTask}; the server then answers {@code tasks/get}, {@code tasks/result}
 * (by polling {@link #task}) and {@code tasks/cancel} for those ids. {@code tasks/list}
 * lists the local queue's tasks only.
 */
public interface McpToolSource {

	/**
	 * The tools this caller may see (order kept; a failed source should answer an empty
	 * list).
	 */
	Mono<List<McpTool>> tools(McpHttpRequest request);

	/**
	 * Whether a tool name is this source's. Asked on every {@code tools/call} that no
	 * local command answers, so it should be cheap; {@link #call} may still refuse the
	 * caller.
	 */
	boolean hasTool(String name);

	/**
	 * Calls one of its tools.
	 * @param name a name {@link #hasTool} accepted
	 * @param arguments the call's arguments ({@code {}} when absent)
	 * @param asTask whether the client asked for a task: a tool that cannot run as one
	 * must not run, and answers {@link McpToolResult#refused} {@code -32601}
	 * @param request the MCP request
	 * @return the outcome; a tool this caller may not call answers
	 * {@code refused(-32602, "Unknown tool: ...")}
	 */
	Mono<McpToolResult> call(String name, ObjectNode arguments, boolean asTask, McpHttpRequest request);

	/** Whether a task id is one this source gave out in {@link McpToolResult#task}. */
	default boolean hasTask(String taskId) {
		return false;
	}

	/**
	 * The task's state as a job object
	 * ({@code job_id, status, progress, description, result?, error?,
	 * created_at, started_at?, finished_at?}, the adapter's job shape; status
	 * {@code pending}, {@code running}, {@code completed}, {@code failed},
	 * {@code stopped} or {@code deleted}).
	 * @return the job, or empty when the task is unknown to this caller
	 */
	default Mono<JsonNode> task(String taskId, McpHttpRequest request) {
		return Mono.empty();
	}

	/**
	 * Asks the task to stop: the job object after the request, or empty when unknown to
	 * this caller.
	 */
	default Mono<JsonNode> cancelTask(String taskId, McpHttpRequest request) {
		return Mono.empty();
	}

	/**
	 * Emits whenever the tools changed: sessions are sent
	 * {@code notifications/tools/list_changed}.
	 */
	default Flux<?> changes() {
		return Flux.never();
	}

}
