package dev.rpcadapter.command;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The MCP client that called a command, while the command runs: send it log messages and
 * ask it for a model completion ({@code sampling/createMessage}) or for user input
 * ({@code elicitation/create}). Declare a parameter of this type on a command method to
 * receive it; it is never read from params. Queued commands receive it too, while the MCP
 * call that submitted the job waits for it (or, for a task, while the session lasts).
 *
 * <p>
 * Outside an MCP tool call (a call over {@code /api/jsonrpc}, {@code /cmd} or
 * {@code /ws}) the command receives {@link #NONE}: {@link #isConnected()} is
 * {@code false}, log messages go nowhere and requests fail with a
 * {@link CommandException}.
 *
 * <p>
 * Requests answer with the client's JSON result. They fail with a
 * {@link CommandException} (code {@code -32000}, a message the model can act on) when the
 * client did not declare the capability at {@code initialize}, answered with an error, or
 * did not answer within {@code adapter.mcp.client-request-timeout}. Blocking commands may
 * {@code block()} on them.
 */
public interface McpExchange {

	/**
	 * Whether an MCP client is on the line (else everything here is a no-op or fails).
	 */
	boolean isConnected();

	/**
	 * Whether the client declared the capability at {@code initialize}.
	 * @param capability {@code sampling}, {@code elicitation} or {@code roots}
	 */
	boolean clientSupports(String capability);

	/**
	 * Sends {@code notifications/message} if the level is at or above the one the client
	 * set with {@code logging/setLevel} ({@code info} until it sets one).
	 * @param level {@code debug}, {@code info}, {@code notice}, {@code warning},
	 * {@code error}, {@code critical}, {@code alert} or {@code emergency}
	 * @param logger the logger name the client shows, or {@code null}
	 * @param data a message or any JSON-serializable value
	 * @throws IllegalArgumentException for an unknown level
	 */
	void log(String level, @Nullable String logger, Object data);

	/**
	 * Sends {@code notifications/message} with a text; see
	 * {@link #log(String, String, Object)}.
	 */
	default void log(String level, String message) {
		log(level, null, message);
	}

	/**
	 * Sends a request to the client and answers with its result.
	 * @param method e.g. {@code sampling/createMessage}, {@code elicitation/create},
	 * {@code roots/list}
	 * @param params the request's params: a {@code JsonNode}, a {@code Map} or any
	 * JSON-serializable value
	 */
	Mono<JsonNode> request(String method, Object params);

	/**
	 * {@code sampling/createMessage}: asks the client's model for a completion.
	 * @param params {@code {"messages": [...], "maxTokens": n, ...}} as the MCP spec
	 * defines it
	 * @return the client's {@code CreateMessageResult} ({@code role}, {@code content},
	 * {@code model}, ...)
	 */
	default Mono<JsonNode> createMessage(Object params) {
		return request("sampling/createMessage", params);
	}

	/**
	 * {@code elicitation/create}: asks the user for input through the client.
	 * @param params {@code {"message": "...", "requestedSchema": {...}}} as the MCP spec
	 * defines it
	 * @return the client's {@code ElicitResult}: {@code action} ({@code accept},
	 * {@code decline}, {@code cancel}) and, when accepted, {@code content}
	 */
	default Mono<JsonNode> elicit(Object params) {
		return request("elicitation/create", params);
	}

	/**
	 * The exchange outside MCP tool calls: not connected, logs nothing, requests fail.
	 */
	McpExchange NONE = new McpExchange() {
		@Override
		public boolean isConnected() {
			return false;
		}

		@Override
		public boolean clientSupports(String capability) {
			return false;
		}

		@Override
		public void log(String level, @Nullable String logger, Object data) {
		}

		@Override
		public Mono<JsonNode> request(String method, Object params) {
			return Mono.error(new CommandException("No MCP client is connected to this call, so " + method
					+ " cannot be sent (it works in MCP tool calls only)"));
		}
	};

}
