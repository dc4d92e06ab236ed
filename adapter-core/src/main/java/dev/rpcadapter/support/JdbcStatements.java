package dev.rpcadapter.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * One statement on a connection of its own, for the small plain-JDBC stores (transfer
 * sessions, async deliveries): arguments bound in order, a {@code String[]} as an SQL
 * {@code varchar} array; and table creation under an advisory lock (those stores and the
 * job queue).
 */
public final class JdbcStatements {

	/** Reads one row. */
	@FunctionalInterface
	public interface RowReader<T> {

		T read(ResultSet rows) throws SQLException;

	}

	/**
	 * The DDL to run, given the open statement (to look up, say, the current schema
	 * first).
	 */
	@FunctionalInterface
	public interface Script {

		List<String> statements(Statement statement) throws SQLException;

	}

	private JdbcStatements() {
	}

	/**
	 * Runs DDL in one transaction under a PostgreSQL transaction-level advisory lock, so
	 * nodes that start together create tables one after the other (idempotent scripts
	 * then see each other's work).
	 * @param lockKey the advisory lock's key (one per store)
	 * @param what what is being created, for the error message
	 * @throws IllegalStateException when the script fails (rolled back)
	 */
	public static void runLocked(DataSource dataSource, long lockKey, Script script, String what) {
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SELECT pg_advisory_xact_lock(" + lockKey + ")");
				for (String sql : script.statements(statement)) {
					statement.execute(sql);
				}
				connection.commit();
			}
			catch (SQLException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create " + what + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * @return the update count
	 */
	public static int update(DataSource dataSource, String sql, @Nullable Object... args) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = prepare(connection, sql, args)) {
			return statement.executeUpdate();
		}
	}

	/**
	 * @return every row, read in order
	 */
	public static <T> List<T> query(DataSource dataSource, String sql, RowReader<T> reader, @Nullable Object... args)
			throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = prepare(connection, sql, args);
				ResultSet rows = statement.executeQuery()) {
			List<T> found = new ArrayList<>();
			while (rows.next()) {
				found.add(reader.read(rows));
			}
			return found;
		}
	}

	private static PreparedStatement prepare(Connection connection, String sql, @Nullable Object... args)
			throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		for (int i = 0; i < args.length; i++) {
			Object arg = args[i];
			if (arg instanceof String[] values) {
				statement.setArray(i + 1, connection.createArrayOf("varchar", values));
			}
			else {
				statement.setObject(i + 1, arg);
			}
		}
		return statement;
	}

}
