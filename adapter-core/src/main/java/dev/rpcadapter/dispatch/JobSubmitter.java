package dev.rpcadapter.dispatch;

import java.time.Duration;

import dev.rpcadapter.command.Command;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Accepts calls of queued commands as jobs (implemented by adapter-queue). */
@FunctionalInterface
public interface JobSubmitter {

	/**
	 * Queues a call whose params are already validated.
	 * @return the queued envelope
	 * {@code {"job_id","status":"pending","command","poll_with"}}
	 */
	Mono<Object> submit(Command command, @Nullable JsonNode params, CallContext context);

	/**
	 * Queues a call and waits, without holding a thread, until the job ends or the wait
	 * is over.
	 * @param maxWait the call's {@code max_wait_time}, or {@code null} for the configured
	 * default
	 * @param pollInterval the call's {@code poll_interval}, or {@code null}
	 * @return the job object once it ended in time, else the queued envelope
	 */
	default Mono<Object> submit(Command command, @Nullable JsonNode params, CallContext context,
			@Nullable Duration maxWait, @Nullable Duration pollInterval) {
		return submit(command, params, context);
	}

	/**
	 * Adopts a non-queued call that ran past its sync cap as a running job: the work goes
	 * on where it runs, and its outcome becomes the job's. Submitters that cannot adopt
	 * calls return the outcome.
	 * @return the queued envelope
	 * {@code {"job_id","status":"running","command","poll_with",
	 * "queued_after_timeout":true}}
	 */
	default Mono<Object> handOff(Command command, @Nullable JsonNode params, CallContext context, RunningCall call) {
		return call.outcome();
	}

}
