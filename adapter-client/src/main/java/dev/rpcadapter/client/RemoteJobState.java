package dev.rpcadapter.client;

import java.util.Locale;

/**
 * State of a queued job, as the server reports it in {@code status}.
 */
public enum RemoteJobState {

	/** Accepted, waiting for a worker. */
	PENDING,

	/** A worker is running the command. */
	RUNNING,

	/** The command returned normally; the job's {@code result} holds its value. */
	COMPLETED,

	/**
	 * The command threw or timed out; the job's {@code error} holds the JSON-RPC error.
	 */
	FAILED,

	/** A stop was requested and honoured. */
	STOPPED,

	/**
	 * Deleted with {@code queue_delete_job}: a tombstone without result, kept for the
	 * retention period.
	 */
	DELETED;

	/**
	 * @return whether the job will not change state any more
	 */
	public boolean isTerminal() {
		return this != PENDING && this != RUNNING;
	}

	/**
	 * @return the name the server uses on the wire, e.g. {@code "running"}
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a wire name.
	 * @param wireName the server's status string, e.g. {@code "completed"}
	 * @return the state
	 * @throws RpcProtocolException if the name is not one of the contract states
	 */
	public static RemoteJobState fromWireName(String wireName) {
		for (RemoteJobState state : values()) {
			if (state.wireName().equals(wireName)) {
				return state;
			}
		}
		throw new RpcProtocolException("Unknown job status '" + wireName
				+ "'; expected one of pending, running, completed, failed, stopped, deleted");
	}

}
