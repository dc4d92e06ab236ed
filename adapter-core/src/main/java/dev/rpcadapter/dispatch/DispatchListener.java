package dev.rpcadapter.dispatch;

/** Told about every finished call (metrics, audit). Must be fast and must not throw. */
@FunctionalInterface
public interface DispatchListener {

	/**
	 * @param command the command name, or {@code "unknown"} when no such command exists
	 * @param transport the transport tag
	 * @param errorCode {@code 0} on success, else the JSON-RPC error code
	 * @param nanos how long the call took
	 */
	void onCall(String command, String transport, int errorCode, long nanos);
}
