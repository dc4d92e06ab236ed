package dev.rpcadapter.dispatch;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a JSON-RPC call; a bean of this type replaces
 * {@link DefaultCallObservationConvention} (extend that to add a tag).
 */
public interface CallObservationConvention extends ObservationConvention<CallObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CallObservationContext;
	}

}
