package dev.rpcadapter.client;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A connection to the server's {@code /ws} endpoint: JSON-RPC calls (responses matched by
 * id) and job event subscriptions. Open it with {@link RpcClient#connectWebSocket()};
 * close it when done. When the connection ends, pending calls fail with
 * {@link RpcTransportException}.
 */
public interface RpcWebSocketSession extends AutoCloseable {

	/**
	 * Sends a JSON-RPC request.
	 * @param method the method name
	 * @param params by name (Map, POJO, ObjectNode) or by position (List, array), or
	 * {@code null}
	 * @return the result, or a future failed with {@link RpcErrorException} /
	 * {@link RpcTransportException}
	 */
	CompletableFuture<JsonNode> call(String method, @Nullable Object params);

	/**
	 * Sends a JSON-RPC notification (no id, no response).
	 * @param method the method name
	 * @param params the params, or {@code null}
	 * @return completes once the frame was sent
	 */
	CompletableFuture<Void> notify(String method, @Nullable Object params);

	/**
	 * Subscribes to a job's events. Subscribing to a finished job yields its terminal
	 * event at once.
	 * @param jobId the job id
	 * @param listener receives the job's events until {@link #unsubscribe(String)} or
	 * close
	 * @return completes when the server acknowledged with {@code {"event":"subscribed"}}
	 */
	CompletableFuture<Void> subscribe(String jobId, JobEventListener listener);

	/**
	 * Stops receiving a job's events.
	 * @param jobId the job id
	 * @return completes once the frame was sent
	 */
	CompletableFuture<Void> unsubscribe(String jobId);

	/**
	 * Subscribes to the delivery of an {@code /api/async} call
	 * ({@link RpcClient#postAsync}) and waits for it; a finished call within its
	 * retention is delivered at once. Not bounded by the request timeout (a call may run
	 * long): bound it with {@code orTimeout}.
	 * @param deliverId the deliver_id
	 * @return the delivered JSON-RPC response (an object, an array for a batch, or a JSON
	 * null when every call was a notification), or a future failed with
	 * {@link RpcErrorException} when the id is unknown, expired or another caller's
	 */
	CompletableFuture<JsonNode> awaitDelivery(String deliverId);

	/**
	 * @return whether the connection is still open
	 */
	boolean isOpen();

	/** Closes the connection normally; pending calls fail. */
	@Override
	void close();

}
