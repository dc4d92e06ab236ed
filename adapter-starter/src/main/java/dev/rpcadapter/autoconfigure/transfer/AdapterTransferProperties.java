package dev.rpcadapter.autoconfigure.transfer;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings of file transfers ({@code adapter.transfers.*}). */
@ConfigurationProperties("adapter.transfers")
public class AdapterTransferProperties {

	/**
	 * Whether file transfers (the transfer_* commands, the /api/transfers endpoints,
	 * TransferRef params and job artifacts) are on.
	 */
	private boolean enabled = false;

	/**
	 * Directory that holds the transferred bytes; default
	 * java.io.tmpdir/rpc-adapter-transfers.
	 */
	private @Nullable Path dir;

	/**
	 * Where session metadata lives: memory or jdbc (the application's DataSource);
	 * default follows adapter.queue.store.
	 */
	private @Nullable Store store;

	/**
	 * How long a session lives after it began, and a completed transfer or artifact after
	 * it completed.
	 */
	private Duration retention = Duration.ofHours(24);

	/** The largest transfer; bigger uploads are refused at transfer_upload_begin. */
	private DataSize maxSize = DataSize.ofGigabytes(4);

	/**
	 * Chunk size when transfer_upload_begin names none (keep chunk-size * 4/3 below
	 * adapter.jsonrpc.max-body-size for base64 chunks).
	 */
	private DataSize chunkSize = DataSize.ofMegabytes(4);

	/** The largest chunk size a caller may ask for. */
	private DataSize maxChunkSize = DataSize.ofMegabytes(16);

	/** How often expired sessions and their bytes are removed. */
	private Duration cleanupInterval = Duration.ofMinutes(10);

	/**
	 * Base path of the raw endpoints: PUT {path}/{id}/chunks/{index} and GET {path}/{id}.
	 */
	private String path = "/api/transfers";

	/**
	 * Table of session metadata with the jdbc store (plus {table}_chunks), created if
	 * missing.
	 */
	private String jdbcTable = "adapter_transfers";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable Path getDir() {
		return this.dir;
	}

	public void setDir(@Nullable Path dir) {
		this.dir = dir;
	}

	/** The configured directory, or the default under java.io.tmpdir. */
	public Path resolvedDir() {
		return (this.dir != null) ? this.dir : Path.of(System.getProperty("java.io.tmpdir"), "rpc-adapter-transfers");
	}

	public @Nullable Store getStore() {
		return this.store;
	}

	public void setStore(@Nullable Store store) {
		this.store = store;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public DataSize getMaxSize() {
		return this.maxSize;
	}

	public void setMaxSize(DataSize maxSize) {
		this.maxSize = maxSize;
	}

	public DataSize getChunkSize() {
		return this.chunkSize;
	}

	public void setChunkSize(DataSize chunkSize) {
		this.chunkSize = chunkSize;
	}

	public DataSize getMaxChunkSize() {
		return this.maxChunkSize;
	}

	public void setMaxChunkSize(DataSize maxChunkSize) {
		this.maxChunkSize = maxChunkSize;
	}

	public Duration getCleanupInterval() {
		return this.cleanupInterval;
	}

	public void setCleanupInterval(Duration cleanupInterval) {
		this.cleanupInterval = cleanupInterval;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public String getJdbcTable() {
		return this.jdbcTable;
	}

	public void setJdbcTable(String jdbcTable) {
		this.jdbcTable = jdbcTable;
	}

	/** Where session metadata lives. */
	public enum Store {

		/** In this process; sessions are lost on restart. */
		MEMORY,

		/** In the application's DataSource (PostgreSQL). */
		JDBC

	}

}
