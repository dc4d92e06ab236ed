package dev.rpcadapter.autoconfigure.registration;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observations of proxy registration. */
public enum RegistrationObservationDocumentation implements ObservationDocumentation {

	/**
	 * One request to the proxy: a register attempt, a heartbeat or the unregister at
	 * shutdown.
	 */
	REQUEST {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultRegistrationObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { Keys.KIND, Keys.OUTCOME };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { Keys.URL };
		}
	};

	/** The keys of {@link #REQUEST}. */
	public enum Keys implements KeyName {

		/** {@code register}, {@code heartbeat} or {@code unregister}. */
		KIND {
			@Override
			public String asString() {
				return "kind";
			}
		},

		/**
		 * {@code success}, {@code client_error}, {@code server_error}, or {@code unknown}
		 * without an answer.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The proxy's URL (high cardinality: spans only). */
		URL {
			@Override
			public String asString() {
				return "url";
			}
		}

	}

}
