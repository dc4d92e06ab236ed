package dev.rpcadapter.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.rpcadapter.support.JdbcStatements;

/**
 * Idempotent DDL for the job table and Quartz's PostgreSQL tables, run under an advisory
 * lock.
 */
final class SchemaScripts {

	private static final String QUARTZ_SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	/**
	 * Serializes schema creation of nodes that start together (an arbitrary constant).
	 */
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
				+ "node_id VARCHAR(255), caller_attributes TEXT, trace_parent VARCHAR(64))",
				// tables made before the caller's attributes were kept
				"ALTER TABLE " + name + " ADD COLUMN IF NOT EXISTS caller_attributes TEXT",
				// tables made before jobs continued the submitter's trace
				"ALTER TABLE " + name + " ADD COLUMN IF NOT EXISTS trace_parent VARCHAR(64)",
				// job logs (queue_get_job_logs), added in place to databases made before
				// them
				"CREATE TABLE IF NOT EXISTS " + name + "_logs (job_id VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, "
						+ "ts TIMESTAMP WITH TIME ZONE NOT NULL, level VARCHAR(8) NOT NULL, message TEXT NOT NULL, "
						+ "PRIMARY KEY (job_id, seq))");
	}

	/**
	 * The job table's indexes, made so that no call's cost grows with the number of
	 * retained jobs: every page of {@code queue_list_jobs} is a merge of ordered scans of
	 * one of the four list indexes (an equality prefix, then newest first), retention
	 * walks {@code (status, finished_at, job_id)} in batches. Replaces the indexes of
	 * earlier versions that these cover ({@code _status_idx}, {@code _owner_idx},
	 * {@code _status_owner_idx}).
	 */
	public static List<String> jobIndexes(String table) {
		String name = checkName(table);
		return List.of(
				"CREATE INDEX IF NOT EXISTS " + name + "_finished_idx ON " + name + " (status, finished_at, job_id)",
				"CREATE INDEX IF NOT EXISTS " + name + "_list_idx ON " + name + " (status, created_at, job_id)",
				"CREATE INDEX IF NOT EXISTS " + name + "_owner_list_idx ON " + name
						+ " (owner, status, created_at, job_id)",
				"CREATE INDEX IF NOT EXISTS " + name + "_command_list_idx ON " + name
						+ " (command, status, created_at, job_id)",
				"CREATE INDEX IF NOT EXISTS " + name + "_owner_command_list_idx ON " + name
						+ " (owner, command, status, created_at, job_id)",
				"DROP INDEX IF EXISTS " + name + "_status_idx", "DROP INDEX IF EXISTS " + name + "_owner_idx",
				"DROP INDEX IF EXISTS " + name + "_status_owner_idx");
	}

	/**
	 * The job counts: a table {@code
	 *
	<table>
	 * _counts} with the number of jobs per (owner, command, state), kept by
	 * statement-level triggers on the job table in the same transaction as each change,
	 * so {@code /health}, the {@code max-pending} check and {@code queue_list_jobs}'
	 * {@code total_count} read a few rows instead of counting the jobs. Each trigger
	 * applies one statement's changes grouped and in key order (no deadlock between two
	 * statements that change several groups). A job table made by an earlier version gets
	 * its counts computed once, under a lock that holds writers back for that count, when
	 * the triggers are first installed.
	 */
	public static List<String> jobCounts(String table, String schema) {
		// the trigger runs in the sessions that change jobs, whatever their search_path:
		// names qualified
		String name = quote(schema) + "." + checkName(table);
		String counts = name + "_counts";
		String apply = " ORDER BY 1, 2, 3 ON CONFLICT (owner, command, status) DO UPDATE SET jobs = c.jobs + EXCLUDED.jobs";
		String insertInto = "INSERT INTO " + counts + " AS c (owner, command, status, jobs) ";
		return List.of(
				"CREATE TABLE IF NOT EXISTS " + counts
						+ " (owner VARCHAR(512) NOT NULL, command VARCHAR(255) NOT NULL, "
						+ "status VARCHAR(16) NOT NULL, jobs BIGINT NOT NULL, PRIMARY KEY (owner, command, status))",
				"CREATE OR REPLACE FUNCTION " + name + "_count_jobs() RETURNS trigger LANGUAGE plpgsql AS $$\n"
						+ "BEGIN\n" + "  IF TG_OP = 'INSERT' THEN\n" + "    " + insertInto
						+ "SELECT owner, command, status, count(*) FROM new_rows GROUP BY 1, 2, 3" + apply + ";\n"
						+ "  ELSIF TG_OP = 'DELETE' THEN\n" + "    " + insertInto
						+ "SELECT owner, command, status, -count(*) FROM old_rows GROUP BY 1, 2, 3" + apply + ";\n"
						+ "  ELSIF TG_OP = 'UPDATE' THEN\n" + "    " + insertInto
						+ "SELECT owner, command, status, sum(d) FROM ("
						+ "SELECT owner, command, status, -1 AS d FROM old_rows UNION ALL "
						+ "SELECT owner, command, status, 1 FROM new_rows) AS changed GROUP BY 1, 2, 3 HAVING sum(d) <> 0"
						+ apply + ";\n" + "  ELSE\n" + "    DELETE FROM " + counts + ";\n" + "  END IF;\n"
						+ "  RETURN NULL;\n" + "END\n$$",
				"DO $$\n" + "BEGIN\n" + "  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = '"
						+ name.replace("'", "''") + "'::regclass AND tgname = 'adapter_count_inserts') THEN\n"
						+ "    LOCK TABLE " + name + " IN SHARE ROW EXCLUSIVE MODE;\n" + "    DELETE FROM " + counts
						+ ";\n" + "    INSERT INTO " + counts + " (owner, command, status, jobs) "
						+ "SELECT owner, command, status, count(*) FROM " + name + " GROUP BY 1, 2, 3;\n"
						+ "    CREATE TRIGGER adapter_count_inserts AFTER INSERT ON " + name
						+ " REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION " + name
						+ "_count_jobs();\n" + "    CREATE TRIGGER adapter_count_updates AFTER UPDATE ON " + name
						+ " REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
						+ name + "_count_jobs();\n" + "    CREATE TRIGGER adapter_count_deletes AFTER DELETE ON " + name
						+ " REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION " + name
						+ "_count_jobs();\n" + "    CREATE TRIGGER adapter_count_truncates AFTER TRUNCATE ON " + name
						+ " FOR EACH STATEMENT EXECUTE FUNCTION " + name + "_count_jobs();\n" + "  END IF;\n"
						+ "END\n$$");
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
		run(dataSource, (schema) -> statements);
	}

	/**
	 * Runs the statements made for the connection's current schema (where unqualified
	 * names are created) in one transaction, under the advisory lock.
	 */
	public static void run(DataSource dataSource, Function<String, List<String>> statementsForSchema) {
		JdbcStatements.runLocked(dataSource, LOCK_KEY,
				(statement) -> statementsForSchema.apply(currentSchema(statement)), "the job queue tables");
	}

	private static String currentSchema(Statement statement) throws SQLException {
		try (ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
			String schema = rs.next() ? rs.getString(1) : null;
			if (schema == null) {
				throw new SQLException("no schema of the search_path exists to create the job tables in");
			}
			return schema;
		}
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
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
