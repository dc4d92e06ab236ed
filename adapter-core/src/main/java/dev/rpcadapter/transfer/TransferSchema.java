package dev.rpcadapter.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.rpcadapter.support.JdbcStatements;

/**
 * Idempotent DDL of the transfer tables (PostgreSQL), run under an advisory lock, and row
 * mapping.
 */
final class TransferSchema {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,50}");

	/**
	 * Serializes schema creation of nodes that start together (an arbitrary constant, not
	 * the queue's).
	 */
	private static final long LOCK_KEY = 0x5250_4341_5452_4e53L;

	private TransferSchema() {
	}

	static String checkName(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a valid SQL table name: '" + name + "'");
		}
		return name;
	}

	static List<String> statements(String table) {
		return List.of("CREATE TABLE IF NOT EXISTS " + table + " (id VARCHAR(64) PRIMARY KEY, "
				+ "owner VARCHAR(512) NOT NULL, name VARCHAR(255) NOT NULL, size BIGINT NOT NULL, sha256 VARCHAR(64), "
				+ "chunk_size INTEGER NOT NULL, state VARCHAR(16) NOT NULL, job_id VARCHAR(64), "
				+ "created_at TIMESTAMP WITH TIME ZONE NOT NULL, expires_at TIMESTAMP WITH TIME ZONE NOT NULL)",
				"CREATE TABLE IF NOT EXISTS " + table
						+ "_chunks (transfer_id VARCHAR(64) NOT NULL, idx INTEGER NOT NULL, "
						+ "PRIMARY KEY (transfer_id, idx))",
				"CREATE INDEX IF NOT EXISTS " + table + "_expires_idx ON " + table + " (expires_at)",
				"CREATE INDEX IF NOT EXISTS " + table + "_job_idx ON " + table + " (job_id)");
	}

	static void create(DataSource dataSource, String table) {
		JdbcStatements.runLocked(dataSource, LOCK_KEY, (statement) -> statements(table), "the transfer tables");
	}

	static TransferSession read(ResultSet row) throws SQLException {
		return new TransferSession(row.getString("id"), row.getString("owner"), row.getString("name"),
				row.getLong("size"), row.getString("sha256"), row.getInt("chunk_size"),
				TransferState.fromWire(row.getString("state")), row.getString("job_id"),
				row.getTimestamp("created_at").toInstant(), row.getTimestamp("expires_at").toInstant());
	}

	static IllegalStateException failure(SQLException ex) {
		return new IllegalStateException("Transfer store query failed: " + ex.getMessage(), ex);
	}

}
