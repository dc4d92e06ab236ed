package dev.rpcadapter.dispatch;

import java.time.Instant;

import dev.rpcadapter.command.Caller;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Calls answered later: {@code POST /api/async} accepts a JSON-RPC request (or batch)
 * under a {@code deliver_id}, answers at once, and the response is delivered to
 * {@code /ws} subscribers of that id ({@code {"action":"subscribe","deliver_id":…}}),
 * kept for a retention period for late subscribers and, on a shared store, across nodes.
 * A delivery belongs to the caller that made the call; another caller (unless a queue
 * admin) is told the id is unknown.
 */
public interface AsyncDeliveries {

	/**
	 * Accepts a call to be delivered.
	 * @param deliverId the caller's id, or {@code null} for a generated one
	 * @return the id and when an undelivered or delivered result is forgotten
	 * @throws dev.rpcadapter.jsonrpc.JsonRpcException {@code -32602} for an invalid or
	 * already used id, {@code -32006} past the caller's or the server's limit of pending
	 * calls
	 */
	Accepted accept(@Nullable String deliverId, Caller caller);

	/**
	 * Delivers the JSON-RPC response of an accepted call, as the JSON text the dispatcher
	 * wrote ({@code null}: the call held only notifications), to current and later
	 * subscribers.
	 */
	void deliver(String deliverId, @Nullable String response);

	/**
	 * The events of one delivery: {@code subscribed}, then {@code delivery} (at once when
	 * it is already there), then completes.
	 * @throws dev.rpcadapter.jsonrpc.JsonRpcException (as the error signal)
	 * {@code -32602} for an id that is unknown, expired or another caller's
	 */
	Flux<JsonNode> events(String deliverId, Caller caller);

	/**
	 * @param deliverId the id responses are delivered under
	 * @param expiresAt when it is forgotten if nobody comes for it
	 */
	record Accepted(String deliverId, Instant expiresAt) {
	}

}
