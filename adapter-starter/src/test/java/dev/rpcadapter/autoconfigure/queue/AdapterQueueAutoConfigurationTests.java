package dev.rpcadapter.autoconfigure.queue;

import java.time.Duration;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.dispatch.JobEventSource;
import dev.rpcadapter.dispatch.JobSubmitter;
import dev.rpcadapter.health.HealthComponent;
import dev.rpcadapter.queue.DefaultJobSubmitObservationConvention;
import dev.rpcadapter.queue.JobQueue;
import dev.rpcadapter.queue.JobStore;
import dev.rpcadapter.queue.JobSubmitObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

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

	@Test
	void jobsAreObservedThroughTheContextsRegistryWithTheConventionBeans() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		Command echo = new Command(CommandDescriptor.builder("echo").queued(true).build(),
				(params) -> (caller, job) -> Mono.just("done"));
		this.runner.withBean(ObservationRegistry.class, () -> observations)
			.withBean(JobSubmitObservationConvention.class, () -> new DefaultJobSubmitObservationConvention() {
				@Override
				public String getName() {
					return "my.submit";
				}
			})
			.run((context) -> {
				context.getBean(CommandRegistry.class).register(echo);
				context.getBean(JobQueue.class).submit(echo, null, CallContext.of(Caller.ANONYMOUS, "test")).block();
				TestObservationRegistryAssert.assertThat(observations)
					.hasObservationWithNameEqualTo("my.submit")
					.that()
					.hasLowCardinalityKeyValue("command", "echo");
				Awaitility.await()
					.atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> TestObservationRegistryAssert.assertThat(observations)
						.hasObservationWithNameEqualTo("rpc.adapter.queue.job")
						.that()
						.hasLowCardinalityKeyValue("outcome", "completed"));
			});
	}

}
