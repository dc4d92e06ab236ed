package dev.rpcadapter.autoconfigure.queue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Derives the Quartz settings the job queue needs from {@code adapter.queue.*}: the
 * worker count, and for {@code store: jdbc} the clustered JDBC job store on PostgreSQL.
 * Scoped to what the queue needs: nothing is contributed when the queue is off or its
 * module and Quartz are absent, or with {@code adapter.queue.quartz-defaults=false}; a
 * {@code spring.quartz.*} key the application sets is never changed; settings of the
 * application's that would break the clustered store stop startup with the fix instead of
 * running a queue that silently is not shared.
 */
public final class QueueEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "adapterQueueQuartzDefaults";

	private static final String QUARTZ = "spring.quartz.properties.org.quartz.";

	private static final String[] REQUIRED_CLASSES = { "dev.rpcadapter.queue.JobQueue", "org.quartz.Scheduler" };

	private final Log logger;

	public QueueEnvironmentPostProcessor(DeferredLogFactory logs) {
		this.logger = logs.getLog(QueueEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("adapter.queue.enabled", Boolean.class, true)
				|| !environment.getProperty("adapter.queue.quartz-defaults", Boolean.class, true)
				|| !queuePresent(application.getClassLoader())) {
			return;
		}
		boolean jdbc = "jdbc".equalsIgnoreCase(environment.getProperty("adapter.queue.store", "memory"));
		if (jdbc) {
			requireCompatible(environment, "spring.quartz.job-store-type", "jdbc");
			requireCompatible(environment, QUARTZ + "jobStore.isClustered", "true");
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : wanted(environment, jdbc).entrySet()) {
			if (!environment.containsProperty(entry.getKey())) {
				defaults.put(entry.getKey(), entry.getValue());
			}
		}
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
			this.logger
				.debug("Job queue Quartz defaults (adapter.queue.quartz-defaults=false turns them off): " + defaults);
		}
	}

	private static Map<String, Object> wanted(ConfigurableEnvironment environment, boolean jdbc) {
		Map<String, Object> wanted = new LinkedHashMap<>();
		wanted.put(QUARTZ + "threadPool.threadCount", environment.getProperty("adapter.queue.workers", "8"));
		if (jdbc) {
			wanted.put("spring.quartz.job-store-type", "jdbc");
			wanted.put("spring.quartz.jdbc.initialize-schema", "never");
			wanted.put(QUARTZ + "scheduler.instanceId", "AUTO");
			wanted.put(QUARTZ + "jobStore.isClustered", "true");
			wanted.put(QUARTZ + "jobStore.clusterCheckinInterval", "5000");
			wanted.put(QUARTZ + "jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
			wanted.put(QUARTZ + "jobStore.tablePrefix",
					environment.getProperty("adapter.queue.jdbc.quartz-table-prefix", "QRTZ_"));
			wanted.put(QUARTZ + "scheduler.idleWaitTime", "5000");
		}
		return wanted;
	}

	private static void requireCompatible(ConfigurableEnvironment environment, String key, String needed) {
		String value = environment.getProperty(key);
		if (value != null && !needed.equalsIgnoreCase(value.strip())) {
			throw new IllegalStateException("adapter.queue.store=jdbc needs Quartz's clustered JDBC job store, but the "
					+ "application sets " + key + "=" + value + ". Remove that setting (the queue sets " + key + "="
					+ needed + "), or use adapter.queue.store=memory for a queue that is not shared by a cluster.");
		}
	}

	private static boolean queuePresent(@Nullable ClassLoader classLoader) {
		for (String type : REQUIRED_CLASSES) {
			if (!ClassUtils.isPresent(type, classLoader)) {
				return false;
			}
		}
		return true;
	}

}
