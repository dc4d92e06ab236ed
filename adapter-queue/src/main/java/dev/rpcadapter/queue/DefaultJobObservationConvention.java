package dev.rpcadapter.queue;

import dev.rpcadapter.queue.QueueObservationDocumentation.JobKeys;
import io.micrometer.common.KeyValues;

/**
 * The default {@link JobObservationConvention}: name {@code rpc.adapter.queue.job}, span
 * name {@code job <command>}, low-cardinality keys {@code command} and {@code outcome}
 * ({@code completed}, {@code failed}, {@code stopped}).
 */
public class DefaultJobObservationConvention implements JobObservationConvention {

	/** The observation's name (and so the timer's). */
	public static final String NAME = "rpc.adapter.queue.job";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(JobObservationContext context) {
		return "job " + context.record().command();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(JobObservationContext context) {
		JobStatus outcome = context.outcome();
		return KeyValues.of(JobKeys.COMMAND.withValue(context.record().command()),
				JobKeys.OUTCOME.withValue((outcome != null) ? outcome.wire() : "unknown"));
	}

}
