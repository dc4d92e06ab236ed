package dev.rpcadapter.mcp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One SSE stream of a session: numbered events ({@code <stream>-<n>}), the last ones kept
 * for a client that reconnects with {@code Last-Event-ID}, and a live sink while the
 * stream is open.
 */
final class SseStream {

	private final String id;

	private final int keep;

	private final Deque<Event> recent = new ArrayDeque<>();

	private Sinks.Many<byte[]> live = Sinks.many().unicast().onBackpressureBuffer();

	private long next = 1;

	private boolean done;

	SseStream(String id, int keep) {
		this.id = id;
		this.keep = keep;
	}

	String id() {
		return this.id;
	}

	/**
	 * Numbers, keeps and sends one event; the {@code data} may be empty (a priming
	 * event).
	 */
	synchronized void send(String data) {
		Event event = new Event(this.next++, encode(this.id + "-" + (this.next - 1), data));
		if (this.keep > 0) {
			if (this.recent.size() == this.keep) {
				this.recent.removeFirst();
			}
			this.recent.addLast(event);
		}
		this.live.tryEmitNext(event.bytes());
	}

	synchronized void complete() {
		this.done = true;
		this.live.tryEmitComplete();
	}

	/** The live events from now on (one subscriber). */
	Flux<byte[]> live() {
		return this.live.asFlux();
	}

	/**
	 * The kept events after {@code seq}, then, when the stream is still open, its live
	 * events (the previous live subscriber, a dropped connection, is replaced).
	 */
	synchronized Flux<byte[]> resume(long seq) {
		List<byte[]> missed = new ArrayList<>();
		for (Event event : this.recent) {
			if (event.seq() > seq) {
				missed.add(event.bytes());
			}
		}
		if (this.done) {
			return Flux.fromIterable(missed);
		}
		this.live.tryEmitComplete();
		this.live = Sinks.many().unicast().onBackpressureBuffer();
		return Flux.concat(Flux.fromIterable(missed), this.live.asFlux());
	}

	/**
	 * An event; the priming event (empty data) also tells the client to reconnect after a
	 * second.
	 */
	static byte[] encode(String eventId, String data) {
		String retry = data.isEmpty() ? "retry: 1000\n" : "";
		return ("id: " + eventId + "\n" + retry + "data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

	private record Event(long seq, byte[] bytes) {
	}

}
