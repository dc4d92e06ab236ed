package dev.rpcadapter.queue;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * Job records in a table shared by all nodes; every update is a conditional
 * {@code UPDATE}.
 */
final class JdbcJobStore implements JobStore {

	private static final List<JobStatus> TERMINAL_STATES = List.of(JobStatus.COMPLETED, JobStatus.FAILED,
			JobStatus.STOPPED, JobStatus.DELETED);

	private final JdbcRows rows;

	private final String table;

	private final JdbcClaims claims;

	private final JdbcJobLogs logs;

	private final JdbcExecutor executor;

	private final JdbcJobPages pages;

	private final JdbcRetention retention;

	public JdbcJobStore(DataSource dataSource, ObjectMapper mapper, String table) {
		this.rows = new JdbcRows(mapper);
		this.table = SchemaScripts.checkName(table);
		this.claims = new JdbcClaims(dataSource, this.rows, this.table);
		this.logs = new JdbcJobLogs(dataSource, this.table);
		this.executor = new JdbcExecutor(dataSource);
		this.pages = new JdbcJobPages(this.executor, this.rows, this.table);
		this.retention = new JdbcRetention(this.executor, this.table);
	}

	@Override
	public void appendLog(String jobId, JobLogLine line, int maxLines) {
		this.logs.append(jobId, line, maxLines);
	}

	@Override
	public long lastLogSeq(String jobId) {
		return this.logs.lastSeq(jobId);
	}

	@Override
	public void deleteLogs(String jobId) {
		this.logs.delete(jobId);
	}

	@Override
	public JobLogPage logs(String jobId, int offset, int limit) {
		return this.logs.page(jobId, offset, limit);
	}

	@Override
	public void insert(JobRecord record) {
		execute("INSERT INTO " + this.table + " (job_id, command, params, owner, roles, status, progress, "
				+ "description, result, error, stop_requested, created_at, started_at, finished_at, updated_at, "
				+ "node_id, caller_attributes, trace_parent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				(ps) -> {
					this.rows.bindInsert(ps, record);
					return ps.executeUpdate();
				});
	}

	@Override
	public Optional<JobRecord> find(String jobId) {
		return execute("SELECT * FROM " + this.table + " WHERE job_id = ?", (ps) -> {
			ps.setString(1, jobId);
			List<JobRecord> found = this.rows.read(ps);
			return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
		});
	}

	@Override
	public List<JobRecord> findAll(Collection<String> jobIds) {
		if (jobIds.isEmpty()) {
			return List.of();
		}
		return execute("SELECT * FROM " + this.table + " WHERE job_id = ANY (?)", (ps) -> {
			ps.setArray(1, ps.getConnection().createArrayOf("varchar", jobIds.toArray()));
			return this.rows.read(ps);
		});
	}

	@Override
	public boolean update(JobRecord updated, JobStatus expectedStatus, @Nullable String expectedNode) {
		String sql = "UPDATE " + this.table + " SET status = ?, progress = ?, description = ?, result = ?, "
				+ "error = ?, started_at = ?, finished_at = ?, updated_at = ?, node_id = ? WHERE job_id = ? "
				+ "AND status = ?" + ((expectedNode != null) ? " AND node_id = ?" : "");
		return execute(sql, (ps) -> {
			int i = this.rows.bindUpdate(ps, updated);
			ps.setString(i++, updated.jobId());
			ps.setString(i++, expectedStatus.wire());
			if (expectedNode != null) {
				ps.setString(i, expectedNode);
			}
			return ps.executeUpdate() == 1;
		});
	}

	@Override
	public Claim claim(JobRecord running, int commandLimit, int globalLimit) {
		if (commandLimit <= 0 && globalLimit <= 0) {
			return update(running, JobStatus.PENDING, null) ? Claim.CLAIMED : Claim.CHANGED;
		}
		return this.claims.claim(running, commandLimit, globalLimit);
	}

	@Override
	public long countPending(String owner) {
		return execute("SELECT coalesce(sum(jobs), 0) FROM " + this.table + "_counts WHERE owner = ? "
				+ "AND status = 'pending'", (ps) -> {
					ps.setString(1, owner);
					try (ResultSet rs = ps.executeQuery()) {
						rs.next();
						return rs.getLong(1);
					}
				});
	}

	@Override
	public int touch(Collection<String> jobIds, String node, Instant now) {
		if (jobIds.isEmpty()) {
			return 0;
		}
		return execute("UPDATE " + this.table + " SET updated_at = ? WHERE job_id = ANY (?) AND node_id = ? "
				+ "AND status = 'running'", (ps) -> {
					JdbcRows.setInstant(ps, 1, now);
					ps.setArray(2, ps.getConnection().createArrayOf("varchar", jobIds.toArray()));
					ps.setString(3, node);
					return ps.executeUpdate();
				});
	}

	@Override
	public boolean requestStop(String jobId, Instant now) {
		return execute("UPDATE " + this.table + " SET stop_requested = TRUE, updated_at = ? WHERE job_id = ? "
				+ "AND status IN ('pending','running')", (ps) -> {
					JdbcRows.setInstant(ps, 1, now);
					ps.setString(2, jobId);
					return ps.executeUpdate() == 1;
				});
	}

	@Override
	public boolean delete(String jobId) {
		this.logs.delete(jobId);
		return execute("DELETE FROM " + this.table + " WHERE job_id = ?", (ps) -> {
			ps.setString(1, jobId);
			return ps.executeUpdate() == 1;
		});
	}

	@Override
	public JobPage query(JobQuery query) {
		return this.pages.query(query);
	}

	@Override
	public long count(JobStatus status) {
		return execute("SELECT coalesce(sum(jobs), 0) FROM " + this.table + "_counts WHERE status = ?", (ps) -> {
			ps.setString(1, status.wire());
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		});
	}

	@Override
	public Map<JobStatus, Long> countByStatus() {
		return execute("SELECT status, sum(jobs) FROM " + this.table + "_counts GROUP BY status", (ps) -> {
			Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
			for (JobStatus status : JobStatus.values()) {
				counts.put(status, 0L);
			}
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					counts.put(JobStatus.fromWire(rs.getString(1)), rs.getLong(2));
				}
			}
			return counts;
		});
	}

	@Override
	public List<JobRecord> findByStatus(JobStatus status, int limit) {
		return execute("SELECT * FROM " + this.table + " WHERE status = ? ORDER BY created_at LIMIT " + limit, (ps) -> {
			ps.setString(1, status.wire());
			return this.rows.read(ps);
		});
	}

	@Override
	public int deleteFinishedBefore(Instant cutoff) {
		return this.retention.deleteFinishedBefore(cutoff);
	}

	@Override
	public int trimFinished(int keep) {
		return this.retention.trimFinished(keep, count(TERMINAL_STATES));
	}

	@Override
	public boolean isShared() {
		return true;
	}

	@Override
	public String kind() {
		return "jdbc";
	}

	private long count(List<JobStatus> states) {
		return countByStatus().entrySet()
			.stream()
			.filter((e) -> states.contains(e.getKey()))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	private <T> T execute(String sql, JdbcRows.StatementCallback<T> callback) {
		return this.executor.execute(sql, callback);
	}

}
