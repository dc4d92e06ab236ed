package dev.rpcadapter.autoconfigure.async;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import dev.rpcadapter.support.JdbcStatements;
import org.jspecify.annotations.Nullable;

/**
 * Deliveries in a table of the application's database (PostgreSQL), shared by every node:
 * a delivery made on one node reaches subscribers on another through its poll. The table
 * is created if missing.
 */
final class JdbcDeliveryStore implements DeliveryStore {

	private final DataSource dataSource;

	private final String table;

	JdbcDeliveryStore(DataSource dataSource, String table) {
		if (!table.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
			throw new IllegalArgumentException("Invalid table name '" + table + "'");
		}
		this.dataSource = dataSource;
		this.table = table;
	}

	/** Creates the table and its indexes if missing. */
	JdbcDeliveryStore initialize() {
		String index = this.table.replace('.', '_');
		execute("CREATE TABLE IF NOT EXISTS " + this.table + " (deliver_id VARCHAR(128) PRIMARY KEY, "
				+ "owner VARCHAR(1024) NOT NULL, expires_at TIMESTAMPTZ NOT NULL, delivered BOOLEAN NOT NULL, "
				+ "payload TEXT)",
				"CREATE INDEX IF NOT EXISTS " + index + "_pending ON " + this.table + " (owner) WHERE NOT delivered",
				"CREATE INDEX IF NOT EXISTS " + index + "_expires ON " + this.table + " (expires_at)");
		return this;
	}

	@Override
	public boolean insert(Delivery pending) {
		return update(
				"INSERT INTO " + this.table + " (deliver_id, owner, expires_at, delivered, payload) "
						+ "VALUES (?, ?, ?, false, NULL) ON CONFLICT (deliver_id) DO NOTHING",
				pending.deliverId(), pending.owner(), Timestamp.from(pending.expiresAt())) == 1;
	}

	@Override
	public void complete(String deliverId, @Nullable String payload, Instant expiresAt) {
		update("UPDATE " + this.table + " SET delivered = true, payload = ?, expires_at = ? "
				+ "WHERE deliver_id = ? AND NOT delivered", payload, Timestamp.from(expiresAt), deliverId);
	}

	@Override
	public Optional<Delivery> find(String deliverId) {
		List<Delivery> found = query(
				"SELECT deliver_id, owner, expires_at, delivered, payload FROM " + this.table + " WHERE deliver_id = ?",
				deliverId);
		return found.stream().findFirst();
	}

	@Override
	public List<Delivery> delivered(Collection<String> deliverIds) {
		if (deliverIds.isEmpty()) {
			return List.of();
		}
		return query("SELECT deliver_id, owner, expires_at, delivered, payload FROM " + this.table
				+ " WHERE delivered AND deliver_id = ANY (?)", (Object) deliverIds.toArray(String[]::new));
	}

	@Override
	public long countPending(String owner) {
		return count("SELECT count(*) FROM " + this.table + " WHERE NOT delivered AND owner = ?", owner);
	}

	@Override
	public long countPending() {
		return count("SELECT count(*) FROM " + this.table + " WHERE NOT delivered");
	}

	@Override
	public int deleteExpired(Instant now) {
		// in batches, so a large backlog never holds one long lock
		int total = 0;
		int removed;
		do {
			removed = update("DELETE FROM " + this.table + " WHERE deliver_id IN (SELECT deliver_id FROM " + this.table
					+ " WHERE expires_at < ? LIMIT 1000)", Timestamp.from(now));
			total += removed;
		}
		while (removed == 1000);
		return total;
	}

	@Override
	public boolean isShared() {
		return true;
	}

	private void execute(String... statements) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the async deliveries table " + this.table, ex);
		}
	}

	private int update(String sql, @Nullable Object... args) {
		try {
			return JdbcStatements.update(this.dataSource, sql, args);
		}
		catch (SQLException ex) {
			throw failure(ex);
		}
	}

	private long count(String sql, Object... args) {
		try {
			return JdbcStatements.query(this.dataSource, sql, (rows) -> rows.getLong(1), args).get(0);
		}
		catch (SQLException ex) {
			throw failure(ex);
		}
	}

	private List<Delivery> query(String sql, Object... args) {
		try {
			return JdbcStatements.query(this.dataSource, sql, (rows) -> new Delivery(rows.getString(1),
					rows.getString(2), rows.getTimestamp(3).toInstant(), rows.getBoolean(4), rows.getString(5)), args);
		}
		catch (SQLException ex) {
			throw failure(ex);
		}
	}

	private static IllegalStateException failure(SQLException ex) {
		return new IllegalStateException("Async delivery store: " + ex.getMessage(), ex);
	}

}
