package dev.rpcadapter.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Runs one statement on a connection of its own (auto-commit), turning SQL failures into
 * unchecked ones.
 */
final class JdbcExecutor {

	private final DataSource dataSource;

	JdbcExecutor(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	<T> T execute(String sql, JdbcRows.StatementCallback<T> callback) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement ps = connection.prepareStatement(sql)) {
			return callback.apply(ps);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Job store query failed: " + ex.getMessage(), ex);
		}
	}

}
