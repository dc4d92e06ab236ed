package dev.rpcadapter.queue;

import java.time.Instant;

/**
 * One line of a job's log.
 *
 * @param seq its number in the job's log, from 1
 * @param ts when it was logged
 * @param level {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN} or {@code ERROR}
 * @param message the text, at most {@value #MAX_MESSAGE} characters
 */
public record JobLogLine(long seq, Instant ts, String level, String message) {

	/** The longest message kept; longer ones are cut. */
	public static final int MAX_MESSAGE = 4096;

	public JobLogLine {
		message = (message.length() <= MAX_MESSAGE) ? message : message.substring(0, MAX_MESSAGE);
	}
}
