package dev.rpcadapter.autoconfigure.async;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code POST /api/async}: calls whose responses are delivered over {@code /ws}. */
@ConfigurationProperties("adapter.async")
public class AdapterAsyncProperties {

	/** Whether POST /api/async and /ws delivery subscriptions are served. */
	private boolean enabled = true;

	/** Path of the async endpoint. */
	private String path = "/api/async";

	/**
	 * How long an undelivered call, and then its delivered response, is kept for
	 * subscribers.
	 */
	private Duration retention = Duration.ofMinutes(10);

	/**
	 * Undelivered async calls allowed per caller; past it the call is refused with
	 * -32006.
	 */
	private int maxPendingPerCaller = 100;

	/**
	 * Undelivered async calls allowed on the server (all callers); past it the call is
	 * refused with -32006.
	 */
	private int maxPending = 10_000;

	/**
	 * Largest response kept for delivery; a larger one is replaced by a -32000 error
	 * response.
	 */
	private DataSize maxResultSize = DataSize.ofMegabytes(1);

	/**
	 * Where deliveries live: memory (this node) or jdbc (shared by the cluster); unset
	 * follows adapter.queue.store.
	 */
	private @Nullable String store;

	/** Table of the JDBC store. */
	private String jdbcTable = "adapter_async_deliveries";

	/** How often a node looks for deliveries made on other nodes (JDBC store). */
	private Duration pollInterval = Duration.ofMillis(500);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public int getMaxPendingPerCaller() {
		return this.maxPendingPerCaller;
	}

	public void setMaxPendingPerCaller(int maxPendingPerCaller) {
		this.maxPendingPerCaller = maxPendingPerCaller;
	}

	public int getMaxPending() {
		return this.maxPending;
	}

	public void setMaxPending(int maxPending) {
		this.maxPending = maxPending;
	}

	public DataSize getMaxResultSize() {
		return this.maxResultSize;
	}

	public void setMaxResultSize(DataSize maxResultSize) {
		this.maxResultSize = maxResultSize;
	}

	public @Nullable String getStore() {
		return this.store;
	}

	public void setStore(@Nullable String store) {
		this.store = store;
	}

	public String getJdbcTable() {
		return this.jdbcTable;
	}

	public void setJdbcTable(String jdbcTable) {
		this.jdbcTable = jdbcTable;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

}
