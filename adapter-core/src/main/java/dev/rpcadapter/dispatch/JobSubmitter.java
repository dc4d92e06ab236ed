package dev.rpcadapter.dispatch;

import dev.rpcadapter.command.Command;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Accepts calls of queued commands as jobs (implemented by adapter-queue). */
@FunctionalInterface
public interface JobSubmitter {

	/**
	 * Queues a call whose params are already validated.
	 * @return the queued envelope {@code {"job_id","status":"pending","command","poll_with"}}
	 */
	Mono<Object> submit(Command command, @Nullable JsonNode params, CallContext context);

	/**
	 * Adopts a non-queued call that ran past its sync cap as a running job: the work goes on where it
	 * runs, and its outcome becomes the job's. Submitters that cannot adopt calls return the outcome.
	 * @return the queued envelope {@code {"job_id","status":"running","command","poll_with",
	 *         "queued_after_timeout":true}}
	 */
	default Mono<Object> handOff(Command command, @Nullable JsonNode params, CallContext context, RunningCall call) {
		return call.outcome();
	}
}
