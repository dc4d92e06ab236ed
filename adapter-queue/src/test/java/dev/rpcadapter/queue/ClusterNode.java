package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import dev.rpcadapter.command.CommandRegistry;
import org.quartz.Scheduler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * One node of a clustered queue: a Quartz JDBC scheduler (as Spring Boot builds it) and a
 * queue.
 */
final class ClusterNode implements AutoCloseable {

	private final SchedulerFactoryBean factory = new SchedulerFactoryBean();

	private final JobQueue queue;

	private final Scheduler scheduler;

	private final TransactionTemplate transactions;

	ClusterNode(DataSource dataSource, String instanceId, CommandRegistry registry) throws Exception {
		this(dataSource, instanceId, registry, QueueLimits.DEFAULTS);
	}

	ClusterNode(DataSource dataSource, String instanceId, CommandRegistry registry, QueueLimits limits)
			throws Exception {
		Properties properties = new Properties();
		properties.setProperty("org.quartz.scheduler.instanceId", instanceId);
		properties.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
		properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
		properties.setProperty("org.quartz.threadPool.threadCount", "2");
		properties.setProperty("org.quartz.jobStore.isClustered", "true");
		properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
		properties.setProperty("org.quartz.jobStore.driverDelegateClass",
				"org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.factory.setSchedulerName("adapter-test");
		this.factory.setDataSource(dataSource);
		this.factory.setQuartzProperties(properties);
		this.factory.setAutoStartup(false);
		this.factory.afterPropertiesSet();
		this.scheduler = this.factory.getScheduler();
		this.queue = JobQueue.builder(this.scheduler, registry)
			.store(JobStore.jdbc(dataSource, JsonMapper.builder().build(), QueueSchema.DEFAULT_JOB_TABLE))
			.pollInterval(Duration.ofMillis(100))
			.recoveryCheckInterval(Duration.ofMillis(500))
			.stopGracePeriod(Duration.ofMillis(500))
			.limits(limits)
			.schedulerTransactions((work) -> this.transactions.executeWithoutResult((status) -> work.run()))
			.build();
		this.queue.start();
		this.scheduler.start();
	}

	JobQueue queue() {
		return this.queue;
	}

	Scheduler scheduler() {
		return this.scheduler;
	}

	/**
	 * Stops the node the way a killed process does: running jobs are not finished or
	 * failed.
	 */
	@Override
	public void close() throws Exception {
		this.queue.close();
		this.factory.destroy();
	}

}
