package dev.rpcadapter.queue.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import dev.rpcadapter.queue.JobRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import tools.jackson.databind.JsonNode;

/**
 * Fans job state changes out to in-process subscribers. Changes come from this node's workers and,
 * for a shared store, from the node's single change poll; repeats of the same state are dropped.
 */
final class JobEventBus {

	private final Map<String, Set<FluxSink<JsonNode>>> subscribers = new ConcurrentHashMap<>();

	private final Map<String, String> lastState = new ConcurrentHashMap<>();

	/** Events of one job from now on; completes after its terminal event. */
	Flux<JsonNode> subscribe(String jobId) {
		return Flux.create((sink) -> {
			this.subscribers.computeIfAbsent(jobId, (id) -> new CopyOnWriteArraySet<>()).add(sink);
			sink.onDispose(() -> remove(jobId, sink));
		});
	}

	void publish(JobRecord record) {
		Set<FluxSink<JsonNode>> sinks = this.subscribers.get(record.jobId());
		if (sinks == null) {
			return;
		}
		String state = record.status() + "|" + record.progress() + "|" + record.description();
		if (state.equals(this.lastState.put(record.jobId(), state))) {
			return;
		}
		JsonNode event = JobJson.event(record);
		for (FluxSink<JsonNode> sink : sinks) {
			sink.next(event);
			if (record.status().isTerminal()) {
				sink.complete();
			}
		}
	}

	/** An event beside the state changes (e.g. {@code artifact_ready}): passed on as is, never deduplicated. */
	void publishExtra(String jobId, JsonNode event) {
		Set<FluxSink<JsonNode>> sinks = this.subscribers.get(jobId);
		if (sinks != null) {
			sinks.forEach((sink) -> sink.next(event));
		}
	}

	/** The job is gone: its subscribers complete without a further event. */
	void deleted(String jobId) {
		Set<FluxSink<JsonNode>> sinks = this.subscribers.get(jobId);
		if (sinks != null) {
			sinks.forEach(FluxSink::complete);
		}
	}

	Set<String> watchedIds() {
		return Set.copyOf(this.subscribers.keySet());
	}

	private void remove(String jobId, FluxSink<JsonNode> sink) {
		this.subscribers.computeIfPresent(jobId, (id, sinks) -> {
			sinks.remove(sink);
			if (sinks.isEmpty()) {
				this.lastState.remove(id);
				return null;
			}
			return sinks;
		});
	}
}
