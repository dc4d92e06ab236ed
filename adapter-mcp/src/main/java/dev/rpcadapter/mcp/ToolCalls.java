package dev.rpcadapter.mcp;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.McpExchange;
import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import dev.rpcadapter.jsonrpc.JsonRpcId;
import dev.rpcadapter.jsonrpc.JsonRpcRequest;
import dev.rpcadapter.jsonrpc.JsonRpcResponse;
import dev.rpcadapter.method.Exchanges;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import tools.jackson.databind.JsonNode;

/**
 * {@code tools/call}: the call goes through the dispatcher like any JSON-RPC call;
 * failures become tool errors ({@code isError}); a queued command's job is awaited, or
 * returned as a task.
 */
final class ToolCalls {

	private final JsonRpcDispatcher dispatcher;

	private final ToolCatalog catalog;

	private final @Nullable JobTasks tasks;

	private final Duration queuedWait;

	private final Predicate<String> contentTools;

	private final Duration clientTimeout;

	ToolCalls(JsonRpcDispatcher dispatcher, ToolCatalog catalog, @Nullable JobTasks tasks, Duration queuedWait,
			Predicate<String> contentTools, Duration clientTimeout) {
		this.clientTimeout = clientTimeout;
		this.dispatcher = dispatcher;
		this.catalog = catalog;
		this.tasks = tasks;
		this.queuedWait = queuedWait;
		this.contentTools = contentTools;
	}

	Mono<JsonNode> call(McpCall call) {
		String name = Rpc.requireText(call.params(), "name");
		JsonNode arguments = call.params().get("arguments");
		if (arguments != null && !arguments.isObject() && !arguments.isNull()) {
			throw McpException.invalidParams("params.arguments must be an object");
		}
		Command command = this.catalog.find(name, call.caller());
		if (command == null) {
			throw McpException.invalidParams("Unknown tool: " + name);
		}
		boolean asTask = call.params().hasNonNull("task");
		if (asTask && (!command.descriptor().queued() || this.tasks == null)) {
			throw new McpException(McpException.METHOD_NOT_FOUND,
					"Tool '" + name + "' does not support task execution");
		}
		JsonNode params = (arguments == null || arguments.isNull()) ? Rpc.object() : arguments;
		McpExchange exchange = exchange(call, asTask);
		// a queued command's job talks to this client while the call (or, for a task, the
		// job) lasts
		Set<String> jobs = ConcurrentHashMap.newKeySet();
		CallContext context = call.context().withJobListener((jobId) -> {
			jobs.add(jobId);
			Exchanges.bindJob(jobId, exchange);
		});
		return this.dispatcher.call(new JsonRpcRequest(name, params, JsonRpcId.of(1)), context)
			.flatMap((response) -> answer(call, command, response, asTask))
			.contextWrite(Context.of(Exchanges.CONTEXT_KEY, exchange))
			.doFinally((signal) -> jobs.forEach((jobId) -> {
				if (asTask && this.tasks != null) {
					this.tasks.untilFinished(jobId, call.caller(), () -> Exchanges.unbindJob(jobId, exchange));
				}
				else {
					Exchanges.unbindJob(jobId, exchange);
				}
			}));
	}

	/**
	 * The call's exchange: the call's own stream, or for a task (which outlives the call)
	 * the session's GET stream.
	 */
	private McpExchange exchange(McpCall call, boolean asTask) {
		Session session = call.session();
		if (asTask) {
			return (session != null)
					? new SessionExchange(session, session::notify, true, this.dispatcher.mapper(), this.clientTimeout)
					: McpExchange.NONE;
		}
		return new SessionExchange(session, call.notifier(), call.streaming(), this.dispatcher.mapper(),
				this.clientTimeout);
	}

	private Mono<JsonNode> answer(McpCall call, Command command, JsonRpcResponse response, boolean asTask) {
		if (response instanceof JsonRpcResponse.Failure failure) {
			return Mono.just(ToolResults.error(failure.error()));
		}
		JsonNode value = ((JsonRpcResponse.Success) response).result();
		if (value != null && this.contentTools.test(command.name()) && (value.isArray() || value.isObject())) {
			return Mono.just(ToolResults.content(value));
		}
		if (!command.descriptor().queued() || this.tasks == null || value == null || !value.has("job_id")) {
			return Mono.just(ToolResults.success(value));
		}
		String jobId = value.get("job_id").asString();
		return asTask ? this.tasks.created(jobId, call) : this.tasks.await(jobId, call, this.queuedWait, value);
	}

}
