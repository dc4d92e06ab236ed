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
}
