package dev.rpcadapter.queue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import dev.rpcadapter.method.AnnotatedCommandFactory;
import dev.rpcadapter.schema.SchemaGenerator;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** Non-queued commands with a sync cap, for hand-off tests; each counts its runs. */
class SlowCommands {

	final AtomicInteger runs = new AtomicInteger();

	final CountDownLatch release = new CountDownLatch(1);

	@JsonRpcCommand(name = "slow", syncCap = "300ms")
	public String slow(JobContext job) throws InterruptedException {
		this.runs.incrementAndGet();
		if (!this.release.await(20, TimeUnit.SECONDS)) {
			return "gave up";
		}
		job.progress(70, "after the hand-off");
		return "done";
	}

	@JsonRpcCommand(name = "sleepy", syncCap = "300ms")
	public String sleepy() throws InterruptedException {
		this.runs.incrementAndGet();
		Thread.sleep(30_000); // stands for blocking work that outlasts the sync cap
		return "woke up";
	}

	@JsonRpcCommand(name = "fast", syncCap = "5s")
	public String fast() {
		return "fast";
	}

	/**
	 * Registers the commands and returns a dispatcher whose job submitter is
	 * {@code queue}.
	 */
	JsonRpcDispatcher dispatcher(CommandRegistry registry, JobQueue queue) {
		JsonMapper mapper = JsonMapper.builder().build();
		AnnotatedCommandFactory.create(mapper, SchemaGenerator.create(mapper), null, Schedulers.boundedElastic())
			.commandsOf(this, SlowCommands.class, "slowCommands")
			.forEach(registry::register);
		return JsonRpcDispatcher.builder(registry, mapper).jobSubmitter(queue).build();
	}

}
