package dev.rpcadapter.test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/** Reads server-sent events from the lines of an MCP stream. */
public final class SseEvents {

	private SseEvents() {
	}

	/**
	 * The events of a stream as (id, data) pairs, read until {@code count} events with
	 * data arrived.
	 */
	public static List<@Nullable String[]> events(Stream<String> lines, int count) {
		List<@Nullable String[]> events = new ArrayList<>();
		@Nullable String[] current = { null, null };
		Iterator<String> it = lines.iterator();
		while (events.stream().filter((e) -> e[1] != null && !e[1].isEmpty()).count() < count && it.hasNext()) {
			String line = it.next();
			if (line.startsWith("id: ")) {
				current[0] = line.substring(4);
			}
			else if (line.startsWith("data: ")) {
				current[1] = line.substring(6);
			}
			else if (line.isEmpty() && current[1] != null) {
				events.add(current.clone());
				current[0] = null;
				current[1] = null;
			}
		}
		return events;
	}

	/**
	 * Reads lines until an event whose data contains {@code text}; that data (null when
	 * the stream ended).
	 */
	public static @Nullable String awaitEvent(Iterator<String> lines, String text) {
		while (lines.hasNext()) {
			String line = lines.next();
			if (line.startsWith("data: ") && line.contains(text)) {
				return line.substring(6);
			}
		}
		return null;
	}

}
