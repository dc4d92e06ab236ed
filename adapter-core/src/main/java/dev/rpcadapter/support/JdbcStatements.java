package dev.rpcadapter.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * One statement on a connection of its own, for the small plain-JDBC stores (transfer sessions,
 * async deliveries): arguments bound in order, a {@code String[]} as an SQL {@code varchar} array.
 */
public final class JdbcStatements {

	/** Reads one row. */
	@FunctionalInterface
	public interface RowReader<T> {

		T read(ResultSet rows) throws SQLException;

	}

	private JdbcStatements() {
	}

	/** @return the update count */
	public static int update(DataSource dataSource, String sql, @Nullable Object... args) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = prepare(connection, sql, args)) {
			return statement.executeUpdate();
		}
	}

	/** @return every row, read in order */
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
