package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.dispatch.CallContext;
import org.jspecify.annotations.Nullable;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Commands and schedulers for queue tests. */
final class TestCommands {

	private TestCommands() {
	}

	/** The body of a test command; runs on the Quartz worker thread. */
	@FunctionalInterface
	interface Body {

		@Nullable Object run(JobContext job, @Nullable JsonNode params) throws Exception;

	}

	static Command queued(String name, Body body) {
		return queued(name, null, false, body);
	}

	static Command queued(String name, @Nullable Duration timeout, boolean recoverable, Body body) {
		CommandDescriptor descriptor = CommandDescriptor.builder(name)
			.queued(true)
			.timeout(timeout)
			.recoverable(recoverable)
			.build();
		return new Command(descriptor, (params) -> (caller, job) -> Mono.fromCallable(() -> body.run(job, params)));
	}

	static Scheduler ramScheduler(int threads) throws SchedulerException {
		Properties properties = new Properties();
		properties.setProperty("org.quartz.scheduler.instanceName", "test-" + UUID.randomUUID());
		properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
		properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
		properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
		return new StdSchedulerFactory(properties).getScheduler();
	}

	static String submit(JobQueue queue, Command command, @Nullable JsonNode params, Caller caller) {
		Object envelope = queue.submit(command, params, CallContext.of(caller, "test")).block();
		return ((JsonNode) envelope).get("job_id").asString();
	}

}
