package dev.rpcadapter.test;

import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL the tests connect to.
 *
 * @param url the JDBC URL
 * @param username the user
 * @param password the password (null: none, trust authentication)
 * @param source where it came from, for the log
 */
public record JdbcTarget(String url, String username, @Nullable String password, String source) {

	/** The URL with {@code currentSchema} set, for a schema of the test's own. */
	public String urlWithSchema(String schema) {
		return this.url + (this.url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

}
