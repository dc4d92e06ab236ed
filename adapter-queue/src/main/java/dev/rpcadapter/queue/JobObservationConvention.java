package dev.rpcadapter.queue;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a job's execution; replaces
 * {@link DefaultJobObservationConvention}.
 */
public interface JobObservationConvention extends ObservationConvention<JobObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof JobObservationContext;
	}

}
