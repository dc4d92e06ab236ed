package dev.rpcadapter.autoconfigure.registration;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a request to the registration proxy; a bean of this
 * type replaces {@link DefaultRegistrationObservationConvention}.
 */
public interface RegistrationObservationConvention extends ObservationConvention<RegistrationObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof RegistrationObservationContext;
	}

}
