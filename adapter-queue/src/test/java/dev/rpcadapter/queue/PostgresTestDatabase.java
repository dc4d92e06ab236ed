package dev.rpcadapter.queue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A schema of its own in the machine's real PostgreSQL ({@code ADAPTER_TEST_JDBC_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}), with the queue's tables.
 */
final class PostgresTestDatabase implements AutoCloseable {

	static final String URL = System.getenv().getOrDefault("ADAPTER_TEST_JDBC_URL",
			"jdbc:postgresql://127.0.0.1:5432/test");

	private final String schema;

	private final HikariDataSource dataSource;

	PostgresTestDatabase(String schema) throws SQLException {
		this.schema = SchemaScripts.checkName(schema);
		admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		config.setUsername("postgres");
		config.setMaximumPoolSize(12);
		config.setPoolName("test-" + schema);
		this.dataSource = new HikariDataSource(config);
		QueueSchema.createJobTable(this.dataSource, QueueSchema.DEFAULT_JOB_TABLE);
		QueueSchema.createQuartzTables(this.dataSource, "QRTZ_");
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public void close() throws SQLException {
		this.dataSource.close();
		admin("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
	}

	private static void admin(String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, "postgres", null);
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}
}
