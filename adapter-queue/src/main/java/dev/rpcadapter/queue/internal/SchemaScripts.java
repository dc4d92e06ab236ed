package dev.rpcadapter.queue.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/** Idempotent DDL for the job table and Quartz's PostgreSQL tables, run under an advisory lock. */
public final class SchemaScripts {

	private static final String QUARTZ_SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	/** Serializes schema creation of nodes that start together (an arbitrary constant). */
	private static final long LOCK_KEY = 0x5250_4341_5155_4555L;

	private SchemaScripts() {
	}

	public static List<String> jobTable(String table) {
		String name = checkName(table);
		return List.of("CREATE TABLE IF NOT EXISTS " + name + " (job_id VARCHAR(64) PRIMARY KEY, "
				+ "command VARCHAR(255) NOT NULL, params TEXT, owner VARCHAR(512) NOT NULL, roles TEXT NOT NULL, "
				+ "status VARCHAR(16) NOT NULL, progress INTEGER NOT NULL, description VARCHAR(1024) NOT NULL, "
				+ "result TEXT, error TEXT, stop_requested BOOLEAN NOT NULL DEFAULT FALSE, "
				+ "created_at TIMESTAMP WITH TIME ZONE NOT NULL, started_at TIMESTAMP WITH TIME ZONE, "
				+ "finished_at TIMESTAMP WITH TIME ZONE, updated_at TIMESTAMP WITH TIME ZONE NOT NULL, "
				+ "node_id VARCHAR(255), caller_attributes TEXT)",
				// tables made before the caller's attributes were kept
				"ALTER TABLE " + name + " ADD COLUMN IF NOT EXISTS caller_attributes TEXT",
				"CREATE INDEX IF NOT EXISTS " + name + "_status_idx ON " + name + " (status, finished_at)",
				"CREATE INDEX IF NOT EXISTS " + name + "_owner_idx ON " + name + " (owner, created_at)",
				// the per-caller quota counts a caller's pending jobs on every submit
				"CREATE INDEX IF NOT EXISTS " + name + "_status_owner_idx ON " + name + " (status, owner)",
				// job logs (queue_get_job_logs), added in place to databases made before them
				"CREATE TABLE IF NOT EXISTS " + name + "_logs (job_id VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, "
						+ "ts TIMESTAMP WITH TIME ZONE NOT NULL, level VARCHAR(8) NOT NULL, message TEXT NOT NULL, "
						+ "PRIMARY KEY (job_id, seq))");
	}

	public static List<String> quartzPostgres(String tablePrefix) {
		String prefix = checkName(tablePrefix);
		List<String> statements = new ArrayList<>();
		for (String raw : read(QUARTZ_SCRIPT).split(";")) {
			String statement = stripComments(raw).trim();
			String upper = statement.toUpperCase(Locale.ROOT);
			if (statement.isEmpty() || upper.startsWith("DROP ") || upper.equals("COMMIT")) {
				continue;
			}
			statement = statement.replaceFirst("(?i)^CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ")
				.replaceFirst("(?i)^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ")
				.replace("QRTZ_", prefix.toUpperCase(Locale.ROOT));
			statements.add(statement);
		}
		return statements;
	}

	public static void run(DataSource dataSource, List<String> statements) {
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
				for (String sql : statements) {
					statement.execute(sql);
				}
				connection.commit();
			}
			catch (SQLException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the job queue tables: " + ex.getMessage(), ex);
		}
	}

	static String checkName(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a valid SQL name: '" + name + "'");
		}
		return name;
	}

	private static String stripComments(String sql) {
		StringBuilder out = new StringBuilder();
		for (String line : sql.split("\n")) {
			String trimmed = line.trim();
			if (!trimmed.startsWith("--") && !trimmed.startsWith("#")) {
				out.append(line).append('\n');
			}
		}
		return out.toString();
	}

	private static String read(String resource) {
		try (InputStream in = SchemaScripts.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Quartz script " + resource + " not found on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
