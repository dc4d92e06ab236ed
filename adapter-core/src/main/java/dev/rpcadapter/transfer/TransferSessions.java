package dev.rpcadapter.transfer;

import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * SPI: where transfer metadata lives (sessions and the chunks that arrived). In memory by
 * default; {@link #jdbc(DataSource, String)} keeps it in the job store's database so an
 * upload survives a restart and any node sharing the database can continue it.
 */
public interface TransferSessions {

	void create(TransferSession session);

	Optional<TransferSession> find(String id);

	/** Records that chunk {@code index} arrived complete (idempotent). */
	void markChunk(String id, int index);

	/** The indexes of the chunks that arrived. */
	BitSet receivedChunks(String id);

	/** Replaces the session (state, checksum, expiry). */
	void update(TransferSession session);

	/** The completed artifacts of a job, oldest first. */
	List<TransferSession> byJob(String jobId);

	/** Sessions that expired before {@code now}, at most {@code limit}. */
	List<TransferSession> expired(Instant now, int limit);

	/** Removes the session and its chunk records; {@code false} if it was not there. */
	boolean delete(String id);

	/** {@code memory} or {@code jdbc}, for logs and health. */
	String kind();

	static TransferSessions inMemory() {
		return new dev.rpcadapter.transfer.InMemoryTransferSessions();
	}

	/**
	 * Sessions in two tables, {@code
	 *
	<table>
	 * } and {@code
	 *
	<table>
	 * _chunks}, created if missing (PostgreSQL; the DDL runs under an advisory lock so
	 * nodes may start together).
	 */
	static TransferSessions jdbc(DataSource dataSource, String table) {
		return new dev.rpcadapter.transfer.JdbcTransferSessions(dataSource, table);
	}

}
