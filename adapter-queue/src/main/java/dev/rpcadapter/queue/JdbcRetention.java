package dev.rpcadapter.queue;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Retention on the job table in bounded batches: each statement removes at most
 * {@link #BATCH} finished jobs (and their log lines) found on the
 * {@code (status, finished_at, job_id)} index, in a transaction of its own, so neither a
 * long lock nor one huge transaction comes from a large backlog (a first cleanup after
 * the retention was shortened, a node that was down for a day).
 */
final class JdbcRetention {

	static final int BATCH = 1000;

	private static final String TERMINAL = "('completed','failed','stopped','deleted')";

	private static final String[] TERMINAL_STATES = { "completed", "failed", "stopped", "deleted" };

	private final JdbcExecutor executor;

	private final String table;

	JdbcRetention(JdbcExecutor executor, String table) {
		this.executor = executor;
		this.table = table;
	}

	/** Removes terminal jobs finished before the cutoff. */
	int deleteFinishedBefore(Instant cutoff) {
		int deleted = deleteBatches("finished_at < ?", cutoff, null);
		removeEmptyCounts();
		return deleted;
	}

	/**
	 * Removes the oldest terminal jobs beyond {@code keep}: finds the boundary job
	 * (ordered by {@code finished_at, job_id}) from whichever end is nearer, reading at
	 * most {@code min(keep, finished - keep) + 1} entries of each state's index, then
	 * deletes up to it in batches.
	 * @param finished the number of terminal jobs (from the counts)
	 */
	int trimFinished(int keep, long finished) {
		if (finished <= keep) {
			return 0;
		}
		long excess = finished - keep;
		boolean fromNewest = keep < excess;
		long skip = fromNewest ? keep : excess - 1;
		Object[] boundary = boundary(fromNewest, skip);
		if (boundary == null) {
			return 0;
		}
		int deleted = deleteBatches("(finished_at, job_id) <= (?, ?)", boundary[0], (String) boundary[1]);
		removeEmptyCounts();
		return deleted;
	}

	/**
	 * The (finished_at, job_id) of the terminal job at position {@code skip} from one
	 * end.
	 */
	private Object @Nullable [] boundary(boolean fromNewest, long skip) {
		String order = fromNewest ? " ORDER BY finished_at DESC, job_id DESC" : " ORDER BY finished_at, job_id";
		StringBuilder union = new StringBuilder();
		for (String state : TERMINAL_STATES) {
			union.append((union.length() > 0) ? " UNION ALL " : "")
				.append("(SELECT finished_at, job_id FROM ")
				.append(this.table)
				.append(" WHERE status = '")
				.append(state)
				.append("' AND finished_at IS NOT NULL")
				.append(order)
				.append(" LIMIT ")
				.append(skip + 1)
				.append(')');
		}
		return this.executor
			.execute("SELECT finished_at, job_id FROM (" + union + ") AS ends" + order + " OFFSET " + skip + " LIMIT 1",
					(ps) -> {
						try (ResultSet rs = ps.executeQuery()) {
							return rs.next()
									? Optional
										.of(new Object[] { rs.getObject(1, OffsetDateTime.class), rs.getString(2) })
									: Optional.<Object[]>empty();
						}
					})
			.orElse(null);
	}

	private int deleteBatches(String condition, Object first, @Nullable String second) {
		String sql = "WITH gone AS (DELETE FROM " + this.table + " WHERE job_id IN (SELECT job_id FROM " + this.table
				+ " WHERE status IN " + TERMINAL + " AND " + condition + " LIMIT " + BATCH + ") RETURNING job_id), "
				+ "lines AS (DELETE FROM " + this.table + "_logs WHERE job_id IN (SELECT job_id FROM gone)) "
				+ "SELECT count(*) FROM gone";
		int total = 0;
		int deleted;
		do {
			deleted = this.executor.execute(sql, (ps) -> {
				if (first instanceof Instant instant) {
					JdbcRows.setInstant(ps, 1, instant);
				}
				else {
					ps.setObject(1, first);
				}
				if (second != null) {
					ps.setString(2, second);
				}
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					return rs.getInt(1);
				}
			});
			total += deleted;
		}
		while (deleted == BATCH);
		return total;
	}

	/**
	 * Drops the counts of groups that have no job left (owners and commands of the past).
	 */
	private void removeEmptyCounts() {
		this.executor.execute("DELETE FROM " + this.table + "_counts WHERE jobs = 0", (ps) -> ps.executeUpdate());
	}

}
