package dev.rpcadapter.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.rpcadapter.queue.JobStore.Claim;

/**
 * Claims under concurrency limits, cluster-wide: one transaction takes a PostgreSQL
 * advisory lock for the job table, counts the running jobs and claims only below the
 * limits, so two nodes can never both start the job that passes a limit.
 */
final class JdbcClaims {

	private final DataSource dataSource;

	private final JdbcRows rows;

	private final String table;

	JdbcClaims(DataSource dataSource, JdbcRows rows, String table) {
		this.dataSource = dataSource;
		this.rows = rows;
		this.table = table;
	}

	Claim claim(JobRecord running, int commandLimit, int globalLimit) {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				Claim claim = claimLocked(connection, running, commandLimit, globalLimit);
				connection.commit();
				return claim;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Job store claim failed: " + ex.getMessage(), ex);
		}
	}

	private Claim claimLocked(Connection connection, JobRecord running, int commandLimit, int globalLimit)
			throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
			lock.setString(1, "adapter-queue-claims:" + this.table);
			lock.execute();
		}
		String sql = "SELECT count(*), count(*) FILTER (WHERE command = ?) FROM " + this.table
				+ " WHERE status = 'running'";
		try (PreparedStatement count = connection.prepareStatement(sql)) {
			count.setString(1, running.command());
			try (ResultSet rs = count.executeQuery()) {
				rs.next();
				if ((globalLimit > 0 && rs.getLong(1) >= globalLimit)
						|| (commandLimit > 0 && rs.getLong(2) >= commandLimit)) {
					return Claim.LIMITED;
				}
			}
		}
		try (PreparedStatement update = connection.prepareStatement("UPDATE " + this.table + " SET status = ?, "
				+ "progress = ?, description = ?, result = ?, error = ?, started_at = ?, finished_at = ?, "
				+ "updated_at = ?, node_id = ? WHERE job_id = ? AND status = 'pending'")) {
			int i = this.rows.bindUpdate(update, running);
			update.setString(i, running.jobId());
			return (update.executeUpdate() == 1) ? Claim.CLAIMED : Claim.CHANGED;
		}
	}

}
