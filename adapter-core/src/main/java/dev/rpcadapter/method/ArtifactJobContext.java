package dev.rpcadapter.method;

import java.io.IOException;
import java.io.InputStream;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.transfer.Transfers;

/**
 * The job context a queued command method receives when transfers are on: the queue's
 * context, plus {@link #artifact} publishing through the {@link Transfers}. Delegates
 * every other method.
 */
final class ArtifactJobContext implements JobContext {

	private final JobContext job;

	private final Caller owner;

	private final Transfers transfers;

	ArtifactJobContext(JobContext job, Caller owner, Transfers transfers) {
		this.job = job;
		this.owner = owner;
		this.transfers = transfers;
	}

	@Override
	public String jobId() {
		return this.job.jobId();
	}

	@Override
	public void progress(int percent, String description) {
		this.job.progress(percent, description);
	}

	@Override
	public boolean isStopRequested() {
		return this.job.isStopRequested();
	}

	@Override
	public void log(String level, String message) {
		// a default method on JobContext: without this override the job's log lines were
		// lost
		this.job.log(level, message);
	}

	@Override
	public String artifact(String name, InputStream content) throws IOException {
		return this.transfers.publish(this.job.jobId(), this.owner, name, content).transferId();
	}

}
