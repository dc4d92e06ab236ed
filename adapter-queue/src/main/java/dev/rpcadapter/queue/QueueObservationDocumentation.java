package dev.rpcadapter.queue;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observations of the job queue. */
public enum QueueObservationDocumentation implements ObservationDocumentation {

	/** A call submits a job: the trace context is stored with the job. */
	SUBMIT {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultJobSubmitObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return SubmitKeys.values();
		}
	},

	/** A worker runs a job, continuing the trace of the call that submitted it. */
	JOB {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultJobObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return JobKeys.values();
		}
	};

	/** The low-cardinality keys of {@link #SUBMIT}. */
	public enum SubmitKeys implements KeyName {

		/** The queued command's name. */
		COMMAND {
			@Override
			public String asString() {
				return "command";
			}
		}

	}

	/** The low-cardinality keys of {@link #JOB}. */
	public enum JobKeys implements KeyName {

		/** The command's name. */
		COMMAND {
			@Override
			public String asString() {
				return "command";
			}
		},

		/** How the job ended: {@code completed}, {@code failed} or {@code stopped}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		}

	}

}
