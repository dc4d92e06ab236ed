package dev.rpcadapter.queue;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of one job's execution on a worker: a receiver (consumer)
 * context whose carrier is the job's record, so that a tracing handler continues the
 * trace of the call that submitted the job ({@link JobRecord#traceParent()}).
 */
public final class JobObservationContext extends ReceiverContext<JobRecord> {

	static final String TRACEPARENT = "traceparent";

	private final JobRecord record;

	private @Nullable JobStatus outcome;

	public JobObservationContext(JobRecord record) {
		super((carrier, key) -> TRACEPARENT.equals(key) ? carrier.traceParent() : null, Kind.CONSUMER);
		this.record = record;
		setCarrier(record);
	}

	/** The job as it started running. */
	public JobRecord record() {
		return this.record;
	}

	/**
	 * How the job ended ({@code completed}, {@code failed}, {@code stopped});
	 * {@code null} while it runs.
	 */
	public @Nullable JobStatus outcome() {
		return this.outcome;
	}

	void ended(JobStatus outcome) {
		this.outcome = outcome;
	}

}
