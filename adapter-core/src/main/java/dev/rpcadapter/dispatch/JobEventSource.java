package dev.rpcadapter.dispatch;

import dev.rpcadapter.command.Caller;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Job events for WebSocket subscribers (implemented by adapter-queue). Each event is
 * {@code {"event","job_id","status","progress","description","result"?,"error"?,"timestamp"}}.
 */
@FunctionalInterface
public interface JobEventSource {

	/**
	 * The events of one job, pushed as its state changes; completes after the terminal event. The
	 * first event is the job's current state (its terminal event at once for a finished job), so a
	 * subscriber knows the subscription stands as soon as something arrives.
	 * @throws dev.rpcadapter.jsonrpc.JsonRpcException {@code -32004} (as the Flux's error) when
	 * the job does not exist or the caller may not see it
	 */
	Flux<JsonNode> events(String jobId, Caller caller);
}
