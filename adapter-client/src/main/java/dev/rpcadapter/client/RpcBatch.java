package dev.rpcadapter.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Collects calls and notifications, then sends them as one JSON-RPC batch. Obtain from
 * {@link RpcClient#batch()}; not thread-safe; send once.
 */
public interface RpcBatch {

	/**
	 * Adds a call.
	 * @param method the method name
	 * @param params by name or by position, or {@code null}
	 * @return this batch
	 */
	RpcBatch call(String method, @Nullable Object params);

	/**
	 * Adds a notification (no response expected).
	 * @param method the method name
	 * @param params by name or by position, or {@code null}
	 * @return this batch
	 */
	RpcBatch notify(String method, @Nullable Object params);

	/**
	 * Sends the batch.
	 * @return one result per {@link #call} in the order they were added (notifications
	 * have none), whatever order the server answered in
	 * @throws RpcErrorException if the server rejected the batch as a whole (e.g. too
	 * large)
	 * @throws RpcProtocolException if a call's response is missing
	 */
	List<RpcResult> send();

	/**
	 * @return {@link #send()} asynchronously
	 */
	CompletableFuture<List<RpcResult>> sendAsync();

}
