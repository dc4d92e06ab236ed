package dev.rpcadapter.mcp;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * Opens a session's GET stream, or resumes a stream after the event a client last saw.
 */
final class Resumption {

	private Resumption() {
	}

	/**
	 * @param lastEventId the {@code Last-Event-ID} header ({@code <stream>-<n>}), or
	 * {@code null}
	 * @return the events: the missed ones of the named stream and its live ones while it
	 * is open; the GET stream (with a priming event) when nothing is to be resumed
	 */
	static Flux<byte[]> open(Session session, @Nullable String lastEventId) {
		if (lastEventId != null) {
			int dash = lastEventId.lastIndexOf('-');
			SseStream stream = (dash > 0) ? session.stream(lastEventId.substring(0, dash)) : null;
			long seq = (dash > 0) ? parse(lastEventId.substring(dash + 1)) : -1;
			if (stream != null && seq >= 0) {
				return stream.resume(seq);
			}
		}
		SseStream stream = session.serverStream();
		Flux<byte[]> events = stream.resume(Long.MAX_VALUE);
		stream.send("");
		return events;
	}

	private static long parse(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
