package dev.rpcadapter.mcp;

import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.support.ErrorIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers one client request as JSON, or as an SSE stream when the client accepts one and
 * the call reports progress; handles the client's notifications.
 */
final class Requests {

	private static final Logger logger = LoggerFactory.getLogger(Requests.class);

	/**
	 * The answer to a request the client cancelled (the HTTP exchange still needs one).
	 */
	private static final int REQUEST_CANCELLED = -32800;

	private final Methods methods;

	Requests(Methods methods) {
		this.methods = methods;
	}

	Mono<McpHttpResponse> request(String method, ObjectNode message, JsonNode id, CallContext context,
			@Nullable Session session, boolean acceptsStream, McpHttpRequest request) {
		JsonNode params = message.get("params");
		if (params != null && !params.isObject()) {
			return Mono
				.just(HttpAnswers.json(200, Rpc.error(id, McpException.INVALID_PARAMS, "params must be an object")));
		}
		ObjectNode args = (params != null) ? (ObjectNode) params : Rpc.object();
		String key = id.toString();
		Sinks.Empty<Void> cancel = (session != null) ? session.started(key) : Sinks.empty();
		Runnable finished = () -> {
			if (session != null) {
				session.finished(key);
			}
		};
		if (acceptsStream && "tools/call".equals(method) && args.path("_meta").has("progressToken")) {
			SseStream stream = (session != null) ? session.newStream() : new SseStream("0", 0);
			stream.send("");
			McpCall call = new McpCall(method, args, context, session, (n) -> stream.send(n.toString()),
					cancel.asMono(), true, request);
			run(call, id).doOnNext((answer) -> stream.send(answer.toString())).doFinally((signal) -> {
				finished.run();
				stream.complete();
			}).subscribe();
			return Mono.just(HttpAnswers.stream(stream.live()));
		}
		if (acceptsStream && "tools/call".equals(method)) {
			// JSON unless the call talks to the client (log messages, sampling,
			// elicitation) before its result
			CallStream out = new CallStream(session);
			McpCall call = new McpCall(method, args, context, session, out::send, cancel.asMono(), true, request);
			Disposable running = run(call, id).defaultIfEmpty(Rpc.error(id, REQUEST_CANCELLED, "Request cancelled"))
				.doFinally((signal) -> finished.run())
				.subscribe(out::respond);
			// a client gone before the answer started cancels the call (once streaming,
			// it may resume instead)
			return out.answer().doOnCancel(() -> {
				if (!out.answered()) {
					running.dispose();
				}
			});
		}
		McpCall call = new McpCall(method, args, context, session, (n) -> {
		}, cancel.asMono(), false, request);
		return run(call, id).defaultIfEmpty(Rpc.error(id, REQUEST_CANCELLED, "Request cancelled"))
			.doFinally((signal) -> finished.run())
			.map((answer) -> HttpAnswers.json(200, answer));
	}

	private Mono<ObjectNode> run(McpCall call, JsonNode id) {
		return Mono.defer(() -> this.methods.handle(call))
			.map((result) -> Rpc.result(id, result))
			.onErrorResume((ex) -> Mono.just(error(id, call.method(), ex)));
	}

	private static ObjectNode error(JsonNode id, String method, Throwable ex) {
		if (ex instanceof McpException mcp) {
			return Rpc.error(id, mcp.code(), String.valueOf(mcp.getMessage()));
		}
		if (ex instanceof JsonRpcException rpc) {
			return Rpc.error(id, rpc.error().code(), rpc.error().message());
		}
		String errorId = ErrorIds.next();
		logger.error("MCP {} failed [error_id={}]", method, errorId, ex);
		ObjectNode error = Rpc.error(id, -32603, "Internal error");
		((ObjectNode) error.get("error")).putObject("data").put("error_id", errorId);
		return error;
	}

	/**
	 * A client notification or response: cancellation is acted on, a response completes
	 * the request this server sent; the rest needs nothing.
	 */
	void notification(ObjectNode message, @Nullable Session session) {
		String method = Rpc.text(message, "method");
		JsonNode params = message.get("params");
		if ("notifications/cancelled".equals(method) && session != null && params != null && params.has("requestId")) {
			session.cancel(params.get("requestId").toString());
		}
		JsonNode id = message.get("id");
		if (method == null && id != null && session != null && !session.answered(id, message)) {
			logger.debug("MCP response to an unknown or finished request {} ignored", id);
		}
	}

}
