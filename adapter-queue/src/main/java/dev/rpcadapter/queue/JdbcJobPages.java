package dev.rpcadapter.queue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Pages of {@code queue_list_jobs} whose cost does not grow with the number of retained
 * jobs. The total comes from the counts table (one row per owner, command and state); the
 * page is a merge of one ordered index scan per (command,) state that the counts say has
 * jobs, each stopping after {@code offset + limit} rows, so a page reads about
 * {@code (offset + limit) × branches} index entries and {@code limit} rows. A filter that
 * would need more than {@link #MAX_BRANCHES} scans (a long list of commands) falls back
 * to one ordered query.
 */
final class JdbcJobPages {

	static final int MAX_BRANCHES = 64;

	private static final String ORDER = " ORDER BY created_at DESC, job_id DESC";

	private final JdbcExecutor executor;

	private final JdbcRows rows;

	private final String table;

	JdbcJobPages(JdbcExecutor executor, JdbcRows rows, String table) {
		this.executor = executor;
		this.rows = rows;
		this.table = table;
	}

	JobPage query(JobQuery query) {
		List<String[]> groups = groups(query);
		long total = 0;
		Set<List<String>> branches = new LinkedHashSet<>();
		boolean byCommand = !query.commands().isEmpty();
		for (String[] group : groups) {
			total += Long.parseLong(group[2]);
			branches.add(byCommand ? List.of(group[0], group[1]) : List.of(group[1]));
		}
		if (total == 0 || query.offset() >= total) {
			return new JobPage(List.of(), total);
		}
		List<JobRecord> jobs = (branches.size() <= MAX_BRANCHES) ? merged(query, branches) : ordered(query);
		return new JobPage(jobs, total);
	}

	/**
	 * (command, state, jobs) of every group with jobs that matches the filter, from the
	 * counts.
	 */
	private List<String[]> groups(JobQuery query) {
		List<Object> args = new ArrayList<>();
		StringBuilder where = new StringBuilder(" WHERE jobs > 0");
		condition(where, args, "owner", query.owner());
		anyOf(where, args, "status", query.statuses().stream().map(JobStatus::wire).toList());
		anyOf(where, args, "command", List.copyOf(query.commands()));
		return this.executor.execute("SELECT command, status, sum(jobs) FROM " + this.table + "_counts" + where
				+ " GROUP BY command, status HAVING sum(jobs) > 0", (ps) -> {
					bind(ps, args, 1);
					List<String[]> groups = new ArrayList<>();
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							groups.add(new String[] { rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3)) });
						}
					}
					return groups;
				});
	}

	private List<JobRecord> merged(JobQuery query, Set<List<String>> branches) {
		int depth = query.offset() + query.limit();
		List<Object> args = new ArrayList<>();
		StringBuilder union = new StringBuilder();
		for (List<String> branch : branches) {
			StringBuilder where = new StringBuilder(" WHERE 1 = 1");
			condition(where, args, "owner", query.owner());
			if (branch.size() == 2) {
				condition(where, args, "command", branch.get(0));
			}
			condition(where, args, "status", branch.get(branch.size() - 1));
			union.append((union.length() > 0) ? " UNION ALL " : "")
				.append("(SELECT job_id, created_at FROM ")
				.append(this.table)
				.append(where)
				.append(ORDER)
				.append(" LIMIT ")
				.append(depth)
				.append(')');
		}
		String sql = "SELECT * FROM " + this.table + " WHERE job_id IN (SELECT job_id FROM (" + union + ") AS branches"
				+ ORDER + " LIMIT " + query.limit() + " OFFSET " + query.offset() + ")" + ORDER;
		return this.executor.execute(sql, (ps) -> {
			bind(ps, args, 1);
			return this.rows.read(ps);
		});
	}

	private List<JobRecord> ordered(JobQuery query) {
		List<Object> args = new ArrayList<>();
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		condition(where, args, "owner", query.owner());
		anyOf(where, args, "status", query.statuses().stream().map(JobStatus::wire).toList());
		anyOf(where, args, "command", List.copyOf(query.commands()));
		return this.executor.execute(
				"SELECT * FROM " + this.table + where + ORDER + " LIMIT " + query.limit() + " OFFSET " + query.offset(),
				(ps) -> {
					bind(ps, args, 1);
					return this.rows.read(ps);
				});
	}

	private static void condition(StringBuilder where, List<Object> args, String column, @Nullable Object value) {
		if (value != null) {
			where.append(" AND ").append(column).append(" = ?");
			args.add(value);
		}
	}

	private static void anyOf(StringBuilder where, List<Object> args, String column, List<String> values) {
		if (!values.isEmpty()) {
			where.append(" AND ").append(column).append(" = ANY (?)");
			args.add(values.toArray(String[]::new));
		}
	}

	private static void bind(PreparedStatement ps, List<Object> args, int first) throws SQLException {
		for (int i = 0; i < args.size(); i++) {
			Object arg = args.get(i);
			if (arg instanceof String[] values) {
				ps.setArray(first + i, ps.getConnection().createArrayOf("varchar", values));
			}
			else {
				ps.setObject(first + i, arg);
			}
		}
	}

}
