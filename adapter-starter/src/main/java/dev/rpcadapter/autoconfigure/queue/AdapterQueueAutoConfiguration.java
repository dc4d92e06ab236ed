package dev.rpcadapter.autoconfigure.queue;

import javax.sql.DataSource;

import dev.rpcadapter.autoconfigure.JsonRpcDispatcherCustomizer;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import dev.rpcadapter.queue.JobObservationConvention;
import dev.rpcadapter.queue.JobQueue;
import dev.rpcadapter.queue.JobStore;
import dev.rpcadapter.queue.JobSubmitObservationConvention;
import dev.rpcadapter.queue.QueueCommands;
import dev.rpcadapter.queue.QueueLimits;
import dev.rpcadapter.queue.QueueMetrics;
import dev.rpcadapter.queue.QueueSchema;
import dev.rpcadapter.queue.SchedulerTransactions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job queue on Spring Boot's Quartz {@link Scheduler}: a {@link JobQueue} bean (also
 * the {@code JobSubmitter}, {@code JobEventSource} and the {@code queue} health
 * component), its {@link JobStore}, the built-in {@code queue_*} commands, and Micrometer
 * meters.
 */
// by name: spring-boot-jdbc is optional (an app without it logged a
// TypeNotPresentException at startup)
@AutoConfiguration(after = QuartzAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"dev.rpcadapter.autoconfigure.AdapterAutoConfiguration" })
@ConditionalOnClass({ JobQueue.class, Scheduler.class })
@ConditionalOnProperty(prefix = "adapter.queue", name = "enabled", matchIfMissing = true)
@ConditionalOnBean(Scheduler.class)
@EnableConfigurationProperties(AdapterQueueProperties.class)
public final class AdapterQueueAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AdapterQueueAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	JobQueue jobQueue(Scheduler scheduler, CommandRegistry registry, JobStore store, AdapterQueueProperties properties,
			ObjectProvider<ObjectMapper> mapper, ObjectProvider<SchedulerTransactions> transactions,
			ObjectProvider<CommandAuthorizer> authorizer, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<JobObservationConvention> jobConvention,
			ObjectProvider<JobSubmitObservationConvention> submitConvention) {
		JobQueue.Builder builder = JobQueue.builder(scheduler, registry)
			.store(store)
			.admins(authorizer.getIfAvailable(() -> CommandAuthorizer.ALLOW_ALL)::isQueueAdmin)
			.schedulerTransactions(transactions.getIfAvailable(() -> SchedulerTransactions.NONE))
			.mapper(mapper.getIfAvailable(() -> JsonMapper.builder().build()))
			// submissions and executions observed through Boot's registry; a job
			// continues its caller's trace
			.observationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP))
			.observationConventions(jobConvention.getIfUnique(), submitConvention.getIfUnique());
		PropertyMapper map = PropertyMapper.get();
		map.from(properties::getMaxPending).to(builder::maxPending);
		map.from(properties::getDefaultTimeout).to(builder::defaultTimeout);
		map.from(properties::getStopGracePeriod).to(builder::stopGracePeriod);
		map.from(properties::getRetention).to(builder::retention);
		map.from(properties::getMaxFinishedJobs).to(builder::maxFinishedJobs);
		map.from(properties::getCleanupInterval).to(builder::cleanupInterval);
		map.from(properties::getPollInterval).to(builder::pollInterval);
		map.from(properties::getRecoveryCheckInterval).to(builder::recoveryCheckInterval);
		builder.limits(limits(properties));
		JobQueue queue = builder.build();
		queue.start();
		logger.info("Job queue on node {} with a {} store", queue.nodeId(), store.kind());
		return queue;
	}

	/**
	 * Hands non-queued calls past {@code adapter.queue.sync-cap} to this queue as running
	 * jobs.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "queueSyncCapCustomizer")
	JsonRpcDispatcherCustomizer queueSyncCapCustomizer(AdapterQueueProperties properties) {
		return (builder) -> builder.syncCap(properties.getSyncCap());
	}

	private static QueueLimits limits(AdapterQueueProperties properties) {
		return new QueueLimits(properties.getLimits(), properties.getMaxConcurrent(),
				properties.getMaxPendingPerCaller(), properties.getMaxParamsSize().toBytes(),
				properties.getMaxResultSize().toBytes(), properties.getDefaultMaxWaitTime(),
				properties.getMaxWaitingCalls(), properties.getMaxLogLines());
	}

	@Bean
	@ConditionalOnMissingBean(name = "queueCommandsRegistrar")
	SmartInitializingSingleton queueCommandsRegistrar(JobQueue queue, CommandRegistry registry) {
		return () -> {
			for (Command command : QueueCommands.of(queue)) {
				if (registry.find(command.name()).isEmpty()) {
					registry.register(command);
				}
			}
		};
	}

	/** The default store: in memory, with Quartz's RAMJobStore. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "adapter.queue", name = "store", havingValue = "memory", matchIfMissing = true)
	static class MemoryStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		JobStore jobStore() {
			return JobStore.inMemory();
		}

	}

	/**
	 * {@code store=jdbc} without spring-jdbc on the classpath: stop with the same failure
	 * analysis as a missing DataSource (add spring-boot-starter-jdbc and a driver), not
	 * with a missing-bean error.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(JdbcStoreConfiguration.SPRING_JDBC)
	@ConditionalOnProperty(prefix = "adapter.queue", name = "store", havingValue = "jdbc")
	static class JdbcStoreWithoutSpringJdbcConfiguration {

		@Bean
		JobStore jobStore() {
			throw new JdbcStoreWithoutDataSourceException();
		}

	}

	/**
	 * The shared store in the application's DataSource, with Quartz clustered on the same
	 * database.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = JdbcStoreConfiguration.SPRING_JDBC)
	@ConditionalOnProperty(prefix = "adapter.queue", name = "store", havingValue = "jdbc")
	static class JdbcStoreConfiguration {

		static final String SPRING_JDBC = "org.springframework.jdbc.datasource.DataSourceTransactionManager";

		@Bean
		@ConditionalOnMissingBean
		JobStore jobStore(ObjectProvider<DataSource> dataSource, AdapterQueueProperties properties,
				ObjectProvider<ObjectMapper> mapper) {
			return JobStore.jdbc(requireDataSource(dataSource),
					mapper.getIfAvailable(() -> JsonMapper.builder().build()), properties.getJdbc().getTable());
		}

		/**
		 * Quartz's JDBC store under Spring joins the caller's transaction, so the queue's
		 * schedule and remove calls run in one (on the same DataSource as Quartz).
		 */
		@Bean
		@ConditionalOnMissingBean
		SchedulerTransactions queueSchedulerTransactions(ObjectProvider<DataSource> dataSource) {
			TransactionTemplate template = new TransactionTemplate(
					new DataSourceTransactionManager(requireDataSource(dataSource)));
			return (work) -> template.executeWithoutResult((status) -> work.run());
		}

		/**
		 * Creates the tables before the scheduler is built, so Quartz finds them when it
		 * starts.
		 */
		@Bean
		SchedulerFactoryBeanCustomizer queueSchemaInitializer(ObjectProvider<DataSource> dataSource,
				AdapterQueueProperties properties) {
			return (factory) -> {
				if (properties.getJdbc().isInitializeSchema()) {
					DataSource source = requireDataSource(dataSource);
					QueueSchema.createJobTable(source, properties.getJdbc().getTable());
					QueueSchema.createQuartzTables(source, properties.getJdbc().getQuartzTablePrefix());
				}
			};
		}

		private static DataSource requireDataSource(ObjectProvider<DataSource> dataSource) {
			DataSource source = dataSource.getIfAvailable();
			if (source == null) {
				throw new JdbcStoreWithoutDataSourceException();
			}
			return source;
		}

	}

	/** Queue depth, running jobs and job durations in Micrometer. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		QueueMetrics queueMetrics(JobQueue queue, MeterRegistry registry) {
			return QueueMetrics.bind(queue, registry);
		}

	}

}
