package dev.rpcadapter.autoconfigure.queue;

import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class QueueEnvironmentPostProcessorTests {

	private static final String THREADS = "spring.quartz.properties.org.quartz.threadPool.threadCount";

	private static final String CLUSTERED = "spring.quartz.properties.org.quartz.jobStore.isClustered";

	private final QueueEnvironmentPostProcessor processor = new QueueEnvironmentPostProcessor(new DeferredLogs());

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void memoryStoreSetsOnlyTheWorkerCount() {
		this.environment.setProperty("adapter.queue.workers", "3");
		process(new SpringApplication());
		assertThat(this.environment.getProperty(THREADS)).isEqualTo("3");
		assertThat(this.environment.containsProperty("spring.quartz.job-store-type")).isFalse();
	}

	@Test
	void jdbcStoreDerivesTheClusteredJobStore() {
		this.environment.setProperty("adapter.queue.store", "jdbc");
		this.environment.setProperty("adapter.queue.jdbc.quartz-table-prefix", "JOBS_QRTZ_");
		process(new SpringApplication());
		assertThat(this.environment.getProperty("spring.quartz.job-store-type")).isEqualTo("jdbc");
		assertThat(this.environment.getProperty(CLUSTERED)).isEqualTo("true");
		assertThat(this.environment.getProperty("spring.quartz.properties.org.quartz.jobStore.tablePrefix"))
			.isEqualTo("JOBS_QRTZ_");
	}

	@Test
	void applicationSettingsAreNeverChanged() {
		this.environment.setProperty("adapter.queue.store", "jdbc");
		this.environment.setProperty(THREADS, "20");
		this.environment.setProperty("spring.quartz.properties.org.quartz.scheduler.idleWaitTime", "1000");
		process(new SpringApplication());
		assertThat(this.environment.getProperty(THREADS)).isEqualTo("20");
		assertThat(this.environment.getProperty("spring.quartz.properties.org.quartz.scheduler.idleWaitTime"))
			.isEqualTo("1000");
		assertThat(this.environment.getProperty(CLUSTERED)).isEqualTo("true");
	}

	@Test
	void settingsThatBreakTheClusteredStoreStopStartupWithTheFix() {
		this.environment.setProperty("adapter.queue.store", "jdbc");
		this.environment.setProperty("spring.quartz.job-store-type", "memory");
		assertThatIllegalStateException().isThrownBy(() -> process(new SpringApplication()))
			.withMessageContaining("spring.quartz.job-store-type=memory")
			.withMessageContaining("use adapter.queue.store=memory");
	}

	@Test
	void nothingWhenSwitchedOff() {
		this.environment.setProperty("adapter.queue.quartz-defaults", "false");
		process(new SpringApplication());
		assertThat(this.environment.getPropertySources().contains(QueueEnvironmentPostProcessor.SOURCE_NAME)).isFalse();
	}

	@Test
	void nothingWhenTheQueueIsOff() {
		this.environment.setProperty("adapter.queue.enabled", "false");
		process(new SpringApplication());
		assertThat(this.environment.containsProperty(THREADS)).isFalse();
	}

	@Test
	void nothingWhenTheQueueModuleIsAbsent() throws Exception {
		try (URLClassLoader withoutQueue = new URLClassLoader(new URL[0], null)) {
			SpringApplication application = new SpringApplication();
			application.setResourceLoader(new DefaultResourceLoader(withoutQueue));
			process(application);
		}
		assertThat(this.environment.containsProperty(THREADS)).isFalse();
	}

	private void process(SpringApplication application) {
		this.processor.postProcessEnvironment(this.environment, application);
	}

}
