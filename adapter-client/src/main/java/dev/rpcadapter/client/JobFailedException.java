package dev.rpcadapter.client;

/**
 * The queued job ended {@link RemoteJobState#FAILED}: its command threw or timed out.
 * {@link #error()} is the JSON-RPC error object the job recorded.
 */
public class JobFailedException extends RpcException {

	private static final long serialVersionUID = 1L;

	private final String jobId;

	private final transient RpcError error;

	public JobFailedException(String jobId, RpcError error) {
		super("Job " + jobId + " failed: " + error.code() + " " + error.message());
		this.jobId = jobId;
		this.error = error;
	}

	/**
	 * @return the job id
	 */
	public String jobId() {
		return this.jobId;
	}

	/**
	 * @return the job's JSON-RPC error object
	 */
	public RpcError error() {
		return this.error;
	}

}
