package dev.rpcadapter.client;

/**
 * How {@link RpcClient#execute(String, Object, ExecuteOptions)} waits for a queued job.
 */
public enum JobWaitStrategy {

	/** Call {@code queue_get_job_status} every {@link ExecuteOptions#pollInterval()}. */
	POLL,

	/** Subscribe to the job on {@code /ws} and wait for its terminal event. */
	WEBSOCKET

}
