package dev.rpcadapter.autoconfigure.registration;

import dev.rpcadapter.autoconfigure.registration.RegistrationObservationDocumentation.Keys;
import io.micrometer.common.KeyValues;

/**
 * The default {@link RegistrationObservationConvention}: name
 * {@code rpc.adapter.registration.request}, span name {@code registration <kind>},
 * low-cardinality keys {@code kind} ({@code register}, {@code heartbeat},
 * {@code unregister}) and {@code outcome} ({@code success}, {@code client_error},
 * {@code server_error}, {@code unknown} when no answer came), and the high-cardinality
 * {@code url}.
 */
public class DefaultRegistrationObservationConvention implements RegistrationObservationConvention {

	/** The observation's name (and so the timer's). */
	public static final String NAME = "rpc.adapter.registration.request";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(RegistrationObservationContext context) {
		return "registration " + context.kind();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(RegistrationObservationContext context) {
		return KeyValues.of(Keys.KIND.withValue(context.kind()), Keys.OUTCOME.withValue(outcome(context)));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(RegistrationObservationContext context) {
		return KeyValues.of(Keys.URL.withValue(context.url().toString()));
	}

	protected String outcome(RegistrationObservationContext context) {
		Integer status = context.status();
		if (status == null) {
			return "unknown";
		}
		return (status < 400) ? "success" : (status < 500) ? "client_error" : "server_error";
	}

}
