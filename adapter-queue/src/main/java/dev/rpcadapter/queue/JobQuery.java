package dev.rpcadapter.queue;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A filter and page over job records, newest first.
 *
 * @param owner only jobs of this principal, or {@code null} for all
 * @param statuses only jobs in one of these states; empty for any
 * @param commands only jobs of one of these commands; empty for any
 * @param limit at most this many (1..1000)
 * @param offset skip this many
 */
public record JobQuery(@Nullable String owner, Set<JobStatus> statuses, Set<String> commands, int limit, int offset) {

	public JobQuery {
		statuses = Set.copyOf(statuses);
		commands = Set.copyOf(commands);
		if (limit < 1 || limit > 1000) {
			throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
		}
		if (offset < 0) {
			throw new IllegalArgumentException("offset must be >= 0, was " + offset);
		}
	}

	/** A query with at most one state and one command ({@code null} for any). */
	public JobQuery(@Nullable String owner, @Nullable JobStatus status, @Nullable String command, int limit,
			int offset) {
		this(owner, (status != null) ? Set.of(status) : Set.of(), (command != null) ? Set.of(command) : Set.of(), limit,
				offset);
	}

	/** The same filter for another owner. */
	public JobQuery withOwner(@Nullable String owner) {
		return new JobQuery(owner, this.statuses, this.commands, this.limit, this.offset);
	}

	/** Whether a record passes the filter (paging aside). */
	public boolean matches(JobRecord record) {
		return (this.owner == null || this.owner.equals(record.owner().principal()))
				&& (this.statuses.isEmpty() || this.statuses.contains(record.status()))
				&& (this.commands.isEmpty() || this.commands.contains(record.command()));
	}
}
