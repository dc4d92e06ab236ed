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
	 * The events of one job, pushed as its state changes; completes after the terminal
	 * event. The first event is the job's current state (its terminal event at once for a
	 * finished job), so a subscriber knows the subscription stands as soon as something
	 * arrives.
	 * @throws dev.rpcadapter.jsonrpc.JsonRpcException {@code -32004} (as the Flux's
	 * error) when the job does not exist or the caller may not see it
	 */
	Flux<JsonNode> events(String jobId, Caller caller);

	/**
	 * The events of one job, with its log lines as
	 * {@code {"event":"job_log","job_id","seq","ts", "level","message"}} when
	 * {@code logs} is set (lines logged on this node from now on).
	 */
	default Flux<JsonNode> events(String jobId, Caller caller, boolean logs) {
		return events(jobId, caller);
	}

}
