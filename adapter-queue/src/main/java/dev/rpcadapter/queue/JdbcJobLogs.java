package dev.rpcadapter.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Job log lines in the table {@code <job table>_logs}, keyed by job id and line number.
 */
final class JdbcJobLogs {

	private final DataSource dataSource;

	private final String table;

	JdbcJobLogs(DataSource dataSource, String jobTable) {
		this.dataSource = dataSource;
		this.table = jobTable + "_logs";
	}

	void append(String jobId, JobLogLine line, int maxLines) {
		update("INSERT INTO " + this.table + " (job_id, seq, ts, level, message) VALUES (?, ?, ?, ?, ?) "
				+ "ON CONFLICT DO NOTHING", (ps) -> {
					ps.setString(1, jobId);
					ps.setLong(2, line.seq());
					JdbcRows.setInstant(ps, 3, line.ts());
					ps.setString(4, line.level());
					ps.setString(5, line.message());
				});
		if (line.seq() > maxLines) {
			update("DELETE FROM " + this.table + " WHERE job_id = ? AND seq <= ?", (ps) -> {
				ps.setString(1, jobId);
				ps.setLong(2, line.seq() - maxLines);
			});
		}
	}

	long lastSeq(String jobId) {
		return query("SELECT coalesce(max(seq), 0) FROM " + this.table + " WHERE job_id = ?", jobId, (rs) -> {
			rs.next();
			return rs.getLong(1);
		});
	}

	JobLogPage page(String jobId, int offset, int limit) {
		List<JobLogLine> lines = query("SELECT seq, ts, level, message FROM " + this.table
				+ " WHERE job_id = ? ORDER BY seq LIMIT " + limit + " OFFSET " + offset, jobId, (rs) -> {
					List<JobLogLine> found = new ArrayList<>();
					while (rs.next()) {
						found.add(new JobLogLine(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
								rs.getString(3), rs.getString(4)));
					}
					return found;
				});
		long[] counts = query("SELECT count(*), coalesce(max(seq), 0) FROM " + this.table + " WHERE job_id = ?", jobId,
				(rs) -> {
					rs.next();
					return new long[] { rs.getLong(1), rs.getLong(2) };
				});
		return new JobLogPage(lines, counts[0], counts[1] - counts[0]);
	}

	void delete(String jobId) {
		update("DELETE FROM " + this.table + " WHERE job_id = ?", (ps) -> ps.setString(1, jobId));
	}

	private void update(String sql, Binder binder) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement ps = connection.prepareStatement(sql)) {
			binder.bind(ps);
			ps.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Job log write failed: " + ex.getMessage(), ex);
		}
	}

	private <T> T query(String sql, String jobId, Reader<T> reader) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement ps = connection.prepareStatement(sql)) {
			ps.setString(1, jobId);
			try (ResultSet rs = ps.executeQuery()) {
				return reader.read(rs);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Job log query failed: " + ex.getMessage(), ex);
		}
	}

	/** Binds statement parameters. */
	@FunctionalInterface
	private interface Binder {

		void bind(PreparedStatement ps) throws SQLException;

	}

	/** Reads a result set. */
	@FunctionalInterface
	private interface Reader<T> {

		T read(ResultSet rs) throws SQLException;

	}

}
