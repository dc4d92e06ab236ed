package dev.rpcadapter.dispatch;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observations of the dispatcher. */
public enum CallObservationDocumentation implements ObservationDocumentation {

	/** One JSON-RPC call: a request, a notification, or one element of a batch. */
	CALL {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCallObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeys.values();
		}
	};

	/** The low-cardinality keys of {@link #CALL}. */
	public enum LowCardinalityKeys implements KeyName {

		/** The command's name, or {@code unknown} for a method that does not exist. */
		COMMAND {
			@Override
			public String asString() {
				return "command";
			}
		},

		/** The transport: {@code http}, {@code cmd}, {@code ws} or {@code mcp}. */
		TRANSPORT {
			@Override
			public String asString() {
				return "transport";
			}
		},

		/** {@code success}, {@code error} or {@code cancelled} (the caller went away). */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The JSON-RPC error code of the response, {@code 0} on success. */
		CODE {
			@Override
			public String asString() {
				return "code";
			}
		}

	}

}
