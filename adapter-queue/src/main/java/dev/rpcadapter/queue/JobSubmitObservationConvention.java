package dev.rpcadapter.queue;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a job's submission; replaces
 * {@link DefaultJobSubmitObservationConvention}.
 */
public interface JobSubmitObservationConvention extends ObservationConvention<JobSubmitObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof JobSubmitObservationContext;
	}

}
