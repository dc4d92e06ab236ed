package dev.rpcadapter.queue;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Creates the tables the JDBC store and Quartz's clustered job store need, if they are
 * absent.
 */
public final class QueueSchema {

	/** The default job table name. */
	public static final String DEFAULT_JOB_TABLE = "adapter_jobs";

	private QueueSchema() {
	}

	/**
	 * Creates the job record table, its log table, its indexes and its counts (a table
	 * kept by triggers), or upgrades those of an earlier version in place (idempotent,
	 * safe when nodes start together).
	 */
	public static void createJobTable(DataSource dataSource, String table) {
		SchemaScripts.run(dataSource, (schema) -> {
			List<String> statements = new ArrayList<>(SchemaScripts.jobTable(table));
			statements.addAll(SchemaScripts.jobIndexes(table));
			statements.addAll(SchemaScripts.jobCounts(table, schema));
			return statements;
		});
	}

	/**
	 * Creates Quartz's PostgreSQL tables from Quartz's own {@code tables_postgres.sql},
	 * without its {@code DROP} statements (idempotent: existing tables and their rows are
	 * kept).
	 * @param tablePrefix Quartz's {@code org.quartz.jobStore.tablePrefix}, usually
	 * {@code QRTZ_}
	 */
	public static void createQuartzTables(DataSource dataSource, String tablePrefix) {
		SchemaScripts.run(dataSource, SchemaScripts.quartzPostgres(tablePrefix));
	}

}
