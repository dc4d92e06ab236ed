package dev.rpcadapter.transfer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import dev.rpcadapter.support.JdbcStatements;
import org.jspecify.annotations.Nullable;

/**
 * Sessions in {@code
 *
<table>
 * } and arrived chunks in {@code
 *
<table>
 * _chunks} (one row per chunk).
 */
final class JdbcTransferSessions implements TransferSessions {

	private static final String COLUMNS = "id, owner, name, size, sha256, chunk_size, state, job_id, created_at, expires_at";

	private final DataSource dataSource;

	private final String table;

	private final String chunks;

	public JdbcTransferSessions(DataSource dataSource, String table) {
		this.dataSource = dataSource;
		this.table = TransferSchema.checkName(table);
		this.chunks = this.table + "_chunks";
		TransferSchema.create(dataSource, this.table);
	}

	@Override
	public void create(TransferSession s) {
		update("INSERT INTO " + this.table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.id(),
				s.owner(), s.name(), s.size(), s.sha256(), s.chunkSize(), s.state().wire(), s.jobId(),
				Timestamp.from(s.createdAt()), Timestamp.from(s.expiresAt()));
	}

	@Override
	public Optional<TransferSession> find(String id) {
		List<TransferSession> found = query("SELECT " + COLUMNS + " FROM " + this.table + " WHERE id = ?", id);
		return found.stream().findFirst();
	}

	@Override
	public void markChunk(String id, int index) {
		update("INSERT INTO " + this.chunks + " (transfer_id, idx) VALUES (?, ?) ON CONFLICT DO NOTHING", id, index);
	}

	@Override
	public BitSet receivedChunks(String id) {
		BitSet received = new BitSet();
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("SELECT idx FROM " + this.chunks + " WHERE transfer_id = ?")) {
			statement.setString(1, id);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					received.set(rows.getInt(1));
				}
			}
		}
		catch (SQLException ex) {
			throw TransferSchema.failure(ex);
		}
		return received;
	}

	@Override
	public void update(TransferSession s) {
		update("UPDATE " + this.table + " SET sha256 = ?, state = ?, expires_at = ? WHERE id = ?", s.sha256(),
				s.state().wire(), Timestamp.from(s.expiresAt()), s.id());
	}

	@Override
	public List<TransferSession> byJob(String jobId) {
		return query("SELECT " + COLUMNS + " FROM " + this.table
				+ " WHERE job_id = ? AND state = 'completed' ORDER BY created_at", jobId);
	}

	@Override
	public List<TransferSession> expired(Instant now, int limit) {
		return query("SELECT " + COLUMNS + " FROM " + this.table + " WHERE expires_at <= ? ORDER BY expires_at LIMIT "
				+ limit, Timestamp.from(now));
	}

	@Override
	public boolean delete(String id) {
		update("DELETE FROM " + this.chunks + " WHERE transfer_id = ?", id);
		return update("DELETE FROM " + this.table + " WHERE id = ?", id) > 0;
	}

	@Override
	public String kind() {
		return "jdbc";
	}

	private int update(String sql, @Nullable Object... args) {
		try {
			return JdbcStatements.update(this.dataSource, sql, args);
		}
		catch (SQLException ex) {
			throw TransferSchema.failure(ex);
		}
	}

	private List<TransferSession> query(String sql, Object... args) {
		try {
			return JdbcStatements.query(this.dataSource, sql, TransferSchema::read, args);
		}
		catch (SQLException ex) {
			throw TransferSchema.failure(ex);
		}
	}

}
