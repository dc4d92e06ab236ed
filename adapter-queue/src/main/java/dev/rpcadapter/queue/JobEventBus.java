package dev.rpcadapter.queue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fans job state changes out to in-process subscribers. Changes come from this node's
 * workers and, for a shared store, from the node's single change poll; repeats of the
 * same state are dropped. Extra events (e.g. {@code artifact_ready}) reach each
 * subscriber once.
 */
final class JobEventBus {

	private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();

	private final Map<String, String> lastState = new ConcurrentHashMap<>();

	private final Map<String, Set<FluxSink<JsonNode>>> logSubscribers = new ConcurrentHashMap<>();

	/**
	 * Log lines of one job written on this node from now on, as {@code job_log} events.
	 */
	Flux<JsonNode> logs(String jobId) {
		return Flux.create((sink) -> {
			this.logSubscribers.computeIfAbsent(jobId, (id) -> new CopyOnWriteArraySet<>()).add(sink);
			sink.onDispose(() -> this.logSubscribers.computeIfPresent(jobId, (id, sinks) -> {
				sinks.remove(sink);
				return sinks.isEmpty() ? null : sinks;
			}));
		});
	}

	void publishLog(String jobId, dev.rpcadapter.queue.JobLogLine line) {
		Set<FluxSink<JsonNode>> sinks = this.logSubscribers.get(jobId);
		if (sinks == null) {
			return;
		}
		JsonNode event = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
			.put("event", "job_log")
			.put("job_id", jobId)
			.put("seq", line.seq())
			.put("ts", JobJson.format(line.ts()))
			.put("level", line.level())
			.put("message", line.message());
		sinks.forEach((sink) -> sink.next(event));
	}

	/** Events of one job from now on; completes after its terminal event. */
	Flux<JsonNode> subscribe(String jobId) {
		return subscribe(jobId, List::of);
	}

	/**
	 * Events of one job from now on, beginning with the extra events {@code replay} gives
	 * once the subscriber is registered (so none published meanwhile is lost, and none
	 * reaches it twice).
	 */
	Flux<JsonNode> subscribe(String jobId, Supplier<List<JsonNode>> replay) {
		return Flux.create((sink) -> {
			Subscriber subscriber = new Subscriber(sink, ConcurrentHashMap.newKeySet());
			// registration and replay under the subscriber's lock: a state change
			// published meanwhile (the
			// job's end) waits for the replayed events instead of completing the sink
			// before them
			synchronized (subscriber) {
				this.subscribers.computeIfAbsent(jobId, (id) -> new CopyOnWriteArraySet<>()).add(subscriber);
				sink.onDispose(() -> remove(jobId, subscriber));
				for (JsonNode event : replay.get()) {
					if (subscriber.sent().add(key(event))) {
						sink.next(event);
					}
				}
			}
		});
	}

	void publish(JobRecord record) {
		publish(record, null);
	}

	/**
	 * Publishes a state change. For a job that runs on another node, {@code extras}
	 * derives the extra events from the shared stores (e.g. {@code artifact_ready}): when
	 * the state is new, those a subscriber has not had go to it first, so they arrive
	 * before the job's next state.
	 */
	void publish(JobRecord record, @Nullable Function<JobRecord, List<JsonNode>> extras) {
		Set<Subscriber> sinks = this.subscribers.get(record.jobId());
		if (sinks == null) {
			return;
		}
		String state = record.status() + "|" + record.progress() + "|" + record.description();
		if (state.equals(this.lastState.put(record.jobId(), state))) {
			return;
		}
		if (extras != null) {
			extras.apply(record).forEach((extra) -> publishExtra(record.jobId(), extra));
		}
		JsonNode event = JobJson.event(record);
		for (Subscriber subscriber : sinks) {
			synchronized (subscriber) {
				subscriber.sink().next(event);
				if (record.status().isTerminal()) {
					subscriber.sink().complete();
				}
			}
		}
	}

	/**
	 * An event beside the state changes (e.g. {@code artifact_ready}), passed on once to
	 * each subscriber: the same event again (its {@code timestamp} aside) is dropped.
	 */
	void publishExtra(String jobId, JsonNode event) {
		Set<Subscriber> sinks = this.subscribers.get(jobId);
		if (sinks == null) {
			return;
		}
		String key = key(event);
		for (Subscriber subscriber : sinks) {
			synchronized (subscriber) {
				if (subscriber.sent().add(key)) {
					subscriber.sink().next(event);
				}
			}
		}
	}

	private static String key(JsonNode event) {
		return (event instanceof ObjectNode object) ? object.deepCopy().without("timestamp").toString()
				: event.toString();
	}

	/** The job is gone: its subscribers complete without a further event. */
	void deleted(String jobId) {
		Set<Subscriber> sinks = this.subscribers.get(jobId);
		if (sinks != null) {
			sinks.forEach((subscriber) -> subscriber.sink().complete());
		}
	}

	Set<String> watchedIds() {
		return Set.copyOf(this.subscribers.keySet());
	}

	private void remove(String jobId, Subscriber subscriber) {
		this.subscribers.computeIfPresent(jobId, (id, sinks) -> {
			sinks.remove(subscriber);
			if (sinks.isEmpty()) {
				this.lastState.remove(id);
				return null;
			}
			return sinks;
		});
	}

	/** One subscriber's sink and the keys of the extra events it has had. */
	private record Subscriber(FluxSink<JsonNode> sink, Set<String> sent) {
	}

}
