package dev.rpcadapter.autoconfigure.queue;

import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.dispatch.JobEventSource;
import dev.rpcadapter.dispatch.JobSubmitter;
import dev.rpcadapter.health.HealthComponent;
import dev.rpcadapter.queue.JobQueue;
import dev.rpcadapter.queue.JobStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class AdapterQueueAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QuartzAutoConfiguration.class, AdapterQueueAutoConfiguration.class))
		.withBean(CommandRegistry.class, CommandRegistry::create);

	@Test
	void defaultsToAnInMemoryQueueExposedAsSubmitterEventSourceAndHealth() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(JobQueue.class);
			assertThat(context.getBean(JobStore.class).kind()).isEqualTo("memory");
			assertThat(context.getBean(JobSubmitter.class)).isSameAs(context.getBean(JobQueue.class));
			assertThat(context.getBean(JobEventSource.class)).isSameAs(context.getBean(JobQueue.class));
			assertThat(context.getBeansOfType(HealthComponent.class)).hasSize(1);
			CommandRegistry registry = context.getBean(CommandRegistry.class);
			assertThat(registry.find("queue_get_job_status")).isPresent();
			assertThat(registry.find("job_status")).isPresent();
			assertThat(registry.find("queue_list_jobs")).isPresent();
			assertThat(registry.find("queue_stop_job")).isPresent();
			assertThat(registry.find("queue_delete_job")).isPresent();
			assertThat(registry.find("queue_health")).isPresent();
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("adapter.queue.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JobQueue.class));
	}

	@Test
	void backsOffWithoutQuartz() {
		this.runner.withClassLoader(new FilteredClassLoader(org.quartz.Scheduler.class))
			.run((context) -> assertThat(context).doesNotHaveBean(JobQueue.class));
	}

	@Test
	void usesTheApplicationsOwnJobStore() {
		JobStore own = JobStore.inMemory();
		this.runner.withBean("ownStore", JobStore.class, () -> own)
			.run((context) -> assertThat(context.getBean(JobStore.class)).isSameAs(own));
	}
}
