package dev.rpcadapter.bench.queue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rpcadapter.queue.QueueSchema;
import dev.rpcadapter.queue.SchedulerTransactions;
import org.quartz.Scheduler;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Quartz scheduler configured the way the starter configures it: RAMJobStore for
 * {@code memory}; for {@code postgres} Spring's LocalDataSourceJobStore, clustered, in a
 * fresh schema with the queue's and Quartz's tables.
 */
final class Store implements AutoCloseable {

	private final SchedulerFactoryBean factory = new SchedulerFactoryBean();

	private final HikariDataSource dataSource;

	private final SchedulerTransactions transactions;

	private final Scheduler scheduler;

	private final String jdbcUrl;

	private final String name;

	Store(String kind, String name, int workers, String jdbcUrl) throws Exception {
		this.jdbcUrl = jdbcUrl;
		this.name = name;
		Properties quartz = new Properties();
		quartz.setProperty("org.quartz.threadPool.threadCount", String.valueOf(workers));
		quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
		if ("postgres".equals(kind)) {
			this.dataSource = freshSchema(jdbcUrl, name, workers + 4);
			quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
			quartz.setProperty("org.quartz.jobStore.isClustered", "true");
			quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
			quartz.setProperty("org.quartz.jobStore.driverDelegateClass",
					"org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
			quartz.setProperty("org.quartz.scheduler.idleWaitTime", "5000");
			this.factory.setDataSource(this.dataSource);
			TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
			this.transactions = (work) -> template.executeWithoutResult((status) -> work.run());
		}
		else {
			this.dataSource = null;
			this.transactions = SchedulerTransactions.NONE;
		}
		this.factory.setSchedulerName(name);
		this.factory.setQuartzProperties(quartz);
		this.factory.setAutoStartup(false);
		this.factory.afterPropertiesSet();
		this.scheduler = this.factory.getScheduler();
	}

	private static HikariDataSource freshSchema(String url, String schema, int poolSize) throws Exception {
		execute(url, "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		config.setUsername("postgres");
		config.setMaximumPoolSize(poolSize);
		config.setPoolName(schema);
		HikariDataSource dataSource = new HikariDataSource(config);
		QueueSchema.createJobTable(dataSource, QueueSchema.DEFAULT_JOB_TABLE);
		QueueSchema.createQuartzTables(dataSource, "QRTZ_");
		return dataSource;
	}

	Scheduler scheduler() {
		return this.scheduler;
	}

	/** The DataSource, or {@code null} in memory. */
	DataSource dataSource() {
		return this.dataSource;
	}

	SchedulerTransactions transactions() {
		return this.transactions;
	}

	@Override
	public void close() throws Exception {
		this.factory.destroy();
		if (this.dataSource != null) {
			this.dataSource.close();
			execute(this.jdbcUrl, "DROP SCHEMA IF EXISTS " + this.name + " CASCADE");
		}
	}

	private static void execute(String url, String... statements) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, "postgres", null);
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
