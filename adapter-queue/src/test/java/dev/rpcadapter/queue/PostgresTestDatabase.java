package dev.rpcadapter.queue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rpcadapter.test.JdbcTarget;
import dev.rpcadapter.test.TestPostgres;

/**
 * A schema of its own in the tests' real PostgreSQL ({@link TestPostgres}:
 * {@code ADAPTER_TEST_JDBC_URL}, a Testcontainers container, or the local server), with
 * the queue's tables.
 */
final class PostgresTestDatabase implements AutoCloseable {

	static final JdbcTarget DATABASE = TestPostgres.get();

	private final String schema;

	private final HikariDataSource dataSource;

	PostgresTestDatabase(String schema) throws SQLException {
		this.schema = SchemaScripts.checkName(schema);
		admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(DATABASE.urlWithSchema(schema));
		config.setUsername(DATABASE.username());
		config.setPassword(DATABASE.password());
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
		try (Connection connection = DriverManager.getConnection(DATABASE.url(), DATABASE.username(),
				DATABASE.password()); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
