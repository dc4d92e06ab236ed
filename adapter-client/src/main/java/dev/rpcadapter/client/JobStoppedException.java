package dev.rpcadapter.client;

/**
 * The queued job ended {@link RemoteJobState#STOPPED}: a stop was requested and the
 * command honoured it, so there is no result.
 */
public class JobStoppedException extends RpcException {

	private static final long serialVersionUID = 1L;

	private final String jobId;

	public JobStoppedException(String jobId) {
		super("Job " + jobId + " was stopped before it completed");
		this.jobId = jobId;
	}

	/**
	 * @return the job id
	 */
	public String jobId() {
		return this.jobId;
	}

}
