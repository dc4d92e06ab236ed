package dev.rpcadapter.queue;

import org.jspecify.annotations.Nullable;

/**
 * A filter and page over job records, newest first.
 *
 * @param owner only jobs of this principal, or {@code null} for all
 * @param status only jobs in this state, or {@code null}
 * @param command only jobs of this command, or {@code null}
 * @param limit at most this many (1..1000)
 * @param offset skip this many
 */
public record JobQuery(@Nullable String owner, @Nullable JobStatus status, @Nullable String command, int limit,
		int offset) {

	public JobQuery {
		if (limit < 1 || limit > 1000) {
			throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
		}
		if (offset < 0) {
			throw new IllegalArgumentException("offset must be >= 0, was " + offset);
		}
	}
}
