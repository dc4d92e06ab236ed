package dev.rpcadapter.queue;

import dev.rpcadapter.queue.QueueObservationDocumentation.SubmitKeys;
import io.micrometer.common.KeyValues;

/**
 * The default {@link JobSubmitObservationConvention}: name
 * {@code rpc.adapter.queue.submit}, span name {@code submit <command>}, low-cardinality
 * key {@code command}.
 */
public class DefaultJobSubmitObservationConvention implements JobSubmitObservationConvention {

	/** The observation's name (and so the timer's). */
	public static final String NAME = "rpc.adapter.queue.submit";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(JobSubmitObservationContext context) {
		return "submit " + context.command();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(JobSubmitObservationContext context) {
		return KeyValues.of(SubmitKeys.COMMAND.withValue(context.command()));
	}

}
