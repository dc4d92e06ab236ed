package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side waiting for a submitted job ({@code max_wait_time}): the call listens to
 * the job's events (pushed by a local worker, or by the node's change poll for a job on
 * another node) and holds no thread. At most {@code maxWaitingCalls} wait at once; past
 * that a call is answered at once with the queued envelope.
 */
final class Waiting {

	private final QueueSettings settings;

	private final JobEventBus bus;

	private final Function<JobRecord, ObjectNode> json;

	private final AtomicInteger waiting = new AtomicInteger();

	Waiting(QueueSettings settings, JobEventBus bus, Function<JobRecord, ObjectNode> json) {
		this.settings = settings;
		this.bus = bus;
		this.json = json;
	}

	/**
	 * The job object once the job ended within {@code wait}, else the envelope with the
	 * job's current status.
	 */
	Mono<Object> await(ObjectNode envelope, Duration wait) {
		if (this.waiting.incrementAndGet() > this.settings.limits().maxWaitingCalls()) {
			this.waiting.decrementAndGet();
			return Mono.just(envelope);
		}
		String jobId = envelope.get("job_id").asString();
		Flux<JsonNode> events = Flux.merge(this.bus.subscribe(jobId), read(jobId).map(JobJson::event));
		return events.filter((event) -> JobStatus.fromWire(event.path("status").asString()).isTerminal())
			.next()
			.timeout(wait, Mono.empty())
			.then(read(jobId))
			.map((record) -> answer(envelope, record))
			.defaultIfEmpty(envelope)
			.doFinally((signal) -> this.waiting.decrementAndGet());
	}

	private Object answer(ObjectNode envelope, JobRecord record) {
		if (record.status().isTerminal()) {
			return this.json.apply(record);
		}
		return envelope.deepCopy().put("status", record.status().wire());
	}

	private Mono<JobRecord> read(String jobId) {
		Mono<JobRecord> read = Mono.fromCallable(() -> this.settings.store().find(jobId).orElse(null));
		return this.settings.store().isShared() ? read.subscribeOn(Schedulers.boundedElastic()) : read;
	}

	/** How many calls wait now. */
	int count() {
		return this.waiting.get();
	}

}
