package dev.rpcadapter.mcp;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.command.McpExchange;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@link McpExchange} of one tool call: log messages and requests go out on the
 * call's SSE stream (or, for a task, the session's GET stream); the client's responses
 * come back as POSTs on the session and are matched by id.
 */
final class SessionExchange implements McpExchange {

	/** The capability a client must have declared for each request method. */
	private static final Map<String, String> NEEDS = Map.of("sampling/createMessage", "sampling", "elicitation/create",
			"elicitation", "roots/list", "roots");

	private final @Nullable Session session;

	private final Consumer<ObjectNode> out;

	private final boolean canSend;

	private final ObjectMapper mapper;

	private final Duration timeout;

	/**
	 * @param session the session (requests need one; stateless calls can only log)
	 * @param out sends a message to the client
	 * @param canSend whether messages reach the client (the client accepts an SSE answer)
	 */
	SessionExchange(@Nullable Session session, Consumer<ObjectNode> out, boolean canSend, ObjectMapper mapper,
			Duration timeout) {
		this.session = session;
		this.out = out;
		this.canSend = canSend;
		this.mapper = mapper;
		this.timeout = timeout;
	}

	@Override
	public boolean isConnected() {
		return this.canSend;
	}

	@Override
	public boolean clientSupports(String capability) {
		return this.session != null && this.session.clientCapabilities().has(capability);
	}

	@Override
	public void log(String level, @Nullable String logger, Object data) {
		LogLevel severity = LogLevel.fromWire(level);
		if (severity == null) {
			throw new IllegalArgumentException("Unknown MCP log level '" + level
					+ "': use debug, info, notice, warning, error, critical, alert or emergency");
		}
		LogLevel threshold = (this.session != null) ? this.session.logLevel() : LogLevel.INFO;
		if (!this.canSend || severity.compareTo(threshold) < 0) {
			return;
		}
		ObjectNode params = Rpc.object().put("level", severity.wire());
		if (logger != null) {
			params.put("logger", logger);
		}
		params.set("data", this.mapper.valueToTree(data));
		this.out.accept(Rpc.notification("notifications/message", params));
	}

	@Override
	public Mono<JsonNode> request(String method, Object params) {
		return Mono.defer(() -> {
			String refusal = refusal(method);
			if (refusal != null) {
				return Mono.error(new CommandException(refusal));
			}
			Session session = Objects.requireNonNull(this.session, "refusal() answers for a stateless server");
			JsonNode id = session.nextRequestId();
			Mono<JsonNode> response = session.response(id);
			ObjectNode request = Rpc.object().put("jsonrpc", "2.0");
			request.set("id", id);
			request.put("method", method);
			request.set("params", this.mapper.valueToTree(params));
			this.out.accept(request);
			return response
				.switchIfEmpty(Mono
					.error(() -> new CommandException("The MCP session ended before the client answered " + method)))
				.timeout(this.timeout,
						Mono.error(() -> new CommandException("The MCP client did not answer " + method + " within "
								+ this.timeout.toSeconds() + " s")))
				.flatMap((message) -> result(method, message));
		});
	}

	private @Nullable String refusal(String method) {
		if (this.session == null) {
			return "Cannot send " + method + ": the MCP server is stateless (adapter.mcp.stateless), so the client's "
					+ "answer could not be matched";
		}
		if (!this.canSend) {
			return "Cannot send " + method + ": the MCP client does not accept text/event-stream answers";
		}
		String capability = NEEDS.get(method);
		if (capability != null && !clientSupports(capability)) {
			return "The MCP client does not support " + capability + " (it did not declare the '" + capability
					+ "' capability at initialize)";
		}
		return null;
	}

	private static Mono<JsonNode> result(String method, JsonNode message) {
		JsonNode error = message.get("error");
		if (error != null && error.isObject()) {
			return Mono.error(
					new CommandException(
							"The MCP client answered " + method + " with an error: "
									+ error.path("message").asString("") + " (" + error.path("code").asInt() + ")",
							Map.of("client_error", error)));
		}
		JsonNode result = message.get("result");
		return (result != null) ? Mono.just(result) : Mono.just(Rpc.object());
	}

}
