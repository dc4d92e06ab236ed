package dev.rpcadapter.client;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The client stopped waiting for a queued job after {@link ExecuteOptions#timeout()}. The
 * job itself may still be running on the server; stop it with
 * {@link RpcClient#stopJob(String)} if its result is no longer wanted.
 */
public class JobTimeoutException extends RpcException {

	private static final long serialVersionUID = 1L;

	private final String jobId;

	private final transient @Nullable RemoteJob lastStatus;

	public JobTimeoutException(String jobId, Duration timeout, @Nullable RemoteJob lastStatus) {
		super("Gave up waiting for job " + jobId + " after " + timeout + ((lastStatus != null)
				? " (last status " + lastStatus.state().wireName() + ", " + lastStatus.progress() + "%)" : ""));
		this.jobId = jobId;
		this.lastStatus = lastStatus;
	}

	/**
	 * @return the job id
	 */
	public String jobId() {
		return this.jobId;
	}

	/**
	 * @return the last status seen before giving up, if any
	 */
	public Optional<RemoteJob> lastStatus() {
		return Optional.ofNullable(this.lastStatus);
	}

}
