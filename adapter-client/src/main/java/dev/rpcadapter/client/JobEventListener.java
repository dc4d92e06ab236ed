package dev.rpcadapter.client;

/**
 * Receives job events for a subscription on {@link RpcWebSocketSession}. Called on the
 * WebSocket's receiving thread: return quickly.
 */
@FunctionalInterface
public interface JobEventListener {

	/**
	 * @param event the event
	 */
	void onEvent(JobEvent event);

}
