package dev.rpcadapter.autoconfigure.queue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives Spring Boot's Quartz settings from {@code adapter.queue.*}: the worker count, and for
 * {@code store: jdbc} the clustered JDBC job store on PostgreSQL. Added last, so any
 * {@code spring.quartz.*} the application sets wins.
 */
public final class QueueEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "adapterQueueQuartzDefaults";

	private static final String QUARTZ = "spring.quartz.properties.org.quartz.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("adapter.queue.enabled", Boolean.class, true)) {
			return;
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put(QUARTZ + "threadPool.threadCount", environment.getProperty("adapter.queue.workers", "8"));
		if ("jdbc".equalsIgnoreCase(environment.getProperty("adapter.queue.store", "memory"))) {
			defaults.put("spring.quartz.job-store-type", "jdbc");
			defaults.put("spring.quartz.jdbc.initialize-schema", "never");
			defaults.put(QUARTZ + "scheduler.instanceId", "AUTO");
			defaults.put(QUARTZ + "jobStore.isClustered", "true");
			defaults.put(QUARTZ + "jobStore.clusterCheckinInterval", "5000");
			defaults.put(QUARTZ + "jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
			defaults.put(QUARTZ + "jobStore.tablePrefix",
					environment.getProperty("adapter.queue.jdbc.quartz-table-prefix", "QRTZ_"));
			defaults.put(QUARTZ + "scheduler.idleWaitTime", "5000");
		}
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
	}
}
