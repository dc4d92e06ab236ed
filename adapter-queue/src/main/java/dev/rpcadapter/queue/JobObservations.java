package dev.rpcadapter.queue;

import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/** Observes submissions and executions of jobs; costs nothing with a no-op registry. */
final class JobObservations {

	private static final DefaultJobObservationConvention JOB_DEFAULT = new DefaultJobObservationConvention();

	private static final DefaultJobSubmitObservationConvention SUBMIT_DEFAULT = new DefaultJobSubmitObservationConvention();

	/**
	 * Micrometer's Reactor context key for the current observation
	 * ({@code ObservationThreadLocalAccessor.KEY}).
	 */
	private static final String REACTOR_KEY = "micrometer.observation";

	private final ObservationRegistry registry;

	private final @Nullable JobObservationConvention jobConvention;

	private final @Nullable JobSubmitObservationConvention submitConvention;

	JobObservations(ObservationRegistry registry, @Nullable JobObservationConvention jobConvention,
			@Nullable JobSubmitObservationConvention submitConvention) {
		this.registry = registry;
		this.jobConvention = jobConvention;
		this.submitConvention = submitConvention;
	}

	/**
	 * The observation current on this thread (the submitting call's), to parent a
	 * submission made later.
	 */
	@Nullable Observation current() {
		return this.registry.isNoop() ? null : this.registry.getCurrentObservation();
	}

	/**
	 * The observation a dispatcher put in the Reactor context (Micrometer's key), or
	 * {@code null}.
	 */
	static @Nullable Observation fromReactor(ContextView reactor) {
		Object observation = reactor.getOrDefault(REACTOR_KEY, null);
		return (observation instanceof Observation found) ? found : null;
	}

	/**
	 * Submits under a {@code rpc.adapter.queue.submit} observation; {@code submit} gets
	 * the trace context to store.
	 */
	<T> T submit(String command, @Nullable Observation parent, Function<@Nullable String, T> submit) {
		if (this.registry.isNoop()) {
			return submit.apply(null);
		}
		JobSubmitObservationContext context = new JobSubmitObservationContext(command);
		return QueueObservationDocumentation.SUBMIT
			.observation(this.submitConvention, SUBMIT_DEFAULT, () -> context, this.registry)
			.parentObservation(parent)
			.observe(() -> submit.apply(context.traceParent()));
	}

	/**
	 * Starts observing a job's execution; {@link Observation#NOOP} with a no-op registry.
	 */
	Observation start(JobRecord running) {
		if (this.registry.isNoop()) {
			return Observation.NOOP;
		}
		JobObservationContext context = new JobObservationContext(running);
		return QueueObservationDocumentation.JOB
			.observation(this.jobConvention, JOB_DEFAULT, () -> context, this.registry)
			.start();
	}

	/** Stops a job's observation with the job's outcome. */
	static void stop(Observation observation, JobStatus outcome) {
		if (observation.getContext() instanceof JobObservationContext context) {
			context.ended(outcome);
		}
		observation.stop();
	}

}
