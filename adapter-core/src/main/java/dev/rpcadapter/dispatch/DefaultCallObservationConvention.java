package dev.rpcadapter.dispatch;

import dev.rpcadapter.dispatch.CallObservationDocumentation.LowCardinalityKeys;
import io.micrometer.common.KeyValues;

/**
 * The default {@link CallObservationConvention}: name {@code rpc.adapter.call}, span name
 * {@code jsonrpc <command>}, low-cardinality keys {@code command}, {@code transport},
 * {@code outcome} ({@code success}, {@code error}, {@code cancelled}) and {@code code}
 * (the JSON-RPC error code, {@code 0} on success); while the call runs (an
 * {@code .active} long-task timer's tags) outcome and code are {@code unknown}, and so is
 * the command of a method that does not exist.
 */
public class DefaultCallObservationConvention implements CallObservationConvention {

	/** The observation's name (and so the timer's). */
	public static final String NAME = "rpc.adapter.call";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(CallObservationContext context) {
		return "jsonrpc " + context.command();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CallObservationContext context) {
		return KeyValues.of(LowCardinalityKeys.COMMAND.withValue(context.command()),
				LowCardinalityKeys.TRANSPORT.withValue(context.call().transport()),
				LowCardinalityKeys.OUTCOME.withValue(outcome(context)),
				LowCardinalityKeys.CODE.withValue(context.ended() ? Integer.toString(context.errorCode()) : "unknown"));
	}

	/**
	 * {@code success}, {@code error}, {@code cancelled}, or {@code unknown} while the
	 * call runs.
	 */
	protected String outcome(CallObservationContext context) {
		if (!context.ended()) {
			return "unknown";
		}
		if (context.cancelled()) {
			return "cancelled";
		}
		return (context.errorCode() == 0) ? "success" : "error";
	}

}
