package dev.rpcadapter.mcp;

import java.util.function.Consumer;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.dispatch.CallContext;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One client request being answered.
 *
 * @param method the method
 * @param params its params ({@code {}} when absent)
 * @param context the dispatcher's call context (caller, transport {@code mcp}, address)
 * @param session the session, or {@code null} when stateless
 * @param notifier sends a message related to this request: a notification, or a request
 * to the client (dropped when the answer is plain JSON)
 * @param cancelled completes when the client cancels the request
 * @param streaming whether what {@code notifier} sends reaches the client (the answer may
 * be SSE)
 * @param request the HTTP request that carried it (its caller and headers, for
 * {@code McpToolSource}s)
 */
record McpCall(String method, ObjectNode params, CallContext context, @Nullable Session session,
		Consumer<ObjectNode> notifier, Mono<Void> cancelled, boolean streaming, McpHttpRequest request) {

	Caller caller() {
		return this.context.caller();
	}

	/** The {@code _meta.progressToken} of the request, or {@code null}. */
	@Nullable JsonNode progressToken() {
		JsonNode meta = this.params.get("_meta");
		JsonNode token = (meta != null) ? meta.get("progressToken") : null;
		return (token != null && (token.isString() || token.isNumber())) ? token : null;
	}
}
