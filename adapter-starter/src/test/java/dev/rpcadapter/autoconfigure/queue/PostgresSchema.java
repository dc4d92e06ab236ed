package dev.rpcadapter.autoconfigure.queue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.rpcadapter.test.JdbcTarget;
import dev.rpcadapter.test.TestPostgres;

/**
 * A fresh schema of the tests' real PostgreSQL ({@link TestPostgres}:
 * {@code ADAPTER_TEST_JDBC_URL}, a Testcontainers container, or the local server) for one
 * test class, and the properties that put a server's queue into it.
 */
final class PostgresSchema implements AutoCloseable {

	static final JdbcTarget DATABASE = TestPostgres.get();

	static final String URL = DATABASE.url();

	private final String name;

	private PostgresSchema(String name) {
		this.name = name;
	}

	/** Drops (if left over) and creates the schema. */
	static PostgresSchema create(String name) {
		PostgresSchema schema = new PostgresSchema(name);
		schema.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE", "CREATE SCHEMA " + name);
		return schema;
	}

	/** The JDBC URL of this schema, optionally through another port (a proxy). */
	String url(int port) {
		String url = (port > 0) ? URL.replaceFirst(":\\d+/", ":" + port + "/") : URL;
		return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + this.name;
	}

	/** Server properties for a JDBC queue in this schema. */
	Map<String, Object> properties(int port) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("adapter.queue.store", "jdbc");
		properties.put("spring.datasource.url", url(port));
		properties.put("spring.datasource.username", DATABASE.username());
		if (DATABASE.password() != null) {
			properties.put("spring.datasource.password", DATABASE.password());
		}
		properties.put("spring.datasource.hikari.maximum-pool-size", "6");
		properties.put("spring.datasource.hikari.connection-timeout", "2000");
		properties.put("adapter.queue.recovery-check-interval", "1s");
		properties.put("spring.quartz.properties.org.quartz.scheduler.idleWaitTime", "1000");
		return properties;
	}

	Map<String, Object> properties() {
		return properties(0);
	}

	void execute(String... statements) {
		try (Connection connection = DriverManager.getConnection(URL, DATABASE.username(), DATABASE.password());
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		execute("DROP SCHEMA IF EXISTS " + this.name + " CASCADE");
	}

}
