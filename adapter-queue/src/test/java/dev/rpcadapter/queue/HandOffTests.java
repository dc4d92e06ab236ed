package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.Set;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A non-queued call past its sync cap becomes a running job without running twice (memory
 * store).
 */
class HandOffTests {

	private static final Caller ALICE = Caller.of("alice", Set.of());

	private final CommandRegistry registry = CommandRegistry.create();

	private final SlowCommands commands = new SlowCommands();

	private Scheduler scheduler;

	private JobQueue queue;

	private JsonRpcDispatcher dispatcher;

	@BeforeEach
	void setUp() throws Exception {
		this.scheduler = TestCommands.ramScheduler(1);
		this.queue = JobQueue.builder(this.scheduler, this.registry).stopGracePeriod(Duration.ofMillis(200)).build();
		this.scheduler.start();
		this.dispatcher = this.commands.dispatcher(this.registry, this.queue);
	}

	@AfterEach
	void tearDown() throws Exception {
		this.commands.release.countDown();
		this.queue.close();
		this.scheduler.shutdown(false);
	}

	static JsonNode call(JsonRpcDispatcher dispatcher, String method) {
		byte[] body = ("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":1}").getBytes();
		byte[] answer = dispatcher.handle(body, CallContext.of(ALICE, "test")).block(Duration.ofSeconds(10));
		return JsonMapper.builder().build().readTree(answer);
	}

	private JobRecord awaitStatus(String jobId, JobStatus status) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.queue.get(jobId, ALICE).status(), (s) -> s == status);
		return this.queue.get(jobId, ALICE);
	}

	@Test
	void callPastTheCapIsAnsweredWithARunningJobAndRunsOnce() {
		JsonNode answer = call(this.dispatcher, "slow").get("result");
		assertThat(answer.get("queued_after_timeout").asBoolean()).isTrue();
		assertThat(answer.get("status").asString()).isEqualTo("running");
		assertThat(answer.get("command").asString()).isEqualTo("slow");
		assertThat(answer.get("poll_with").asString()).isEqualTo("queue_get_job_status");
		String jobId = answer.get("job_id").asString();
		assertThat(this.queue.get(jobId, ALICE).status()).isEqualTo(JobStatus.RUNNING);
		assertThat(call(this.dispatcher, "fast").get("result").asString()).isEqualTo("fast");
		this.commands.release.countDown();
		JobRecord done = awaitStatus(jobId, JobStatus.COMPLETED);
		assertThat(done.result().asString()).isEqualTo("done");
		assertThat(this.commands.runs).hasValue(1);
		assertThat(call(this.dispatcher, "fast").get("result").asString()).isEqualTo("fast");
	}

	@Test
	void callWithinTheCapIsAnsweredNormallyWithoutAJob() {
		this.commands.release.countDown();
		assertThat(call(this.dispatcher, "slow").get("result").asString()).isEqualTo("done");
		assertThat(this.queue.counts().values().stream().mapToLong(Long::longValue).sum()).isZero();
	}

	@Test
	void stopOfAHandedOffJobInterruptsItsThreadAndReportsStopped() {
		String jobId = call(this.dispatcher, "sleepy").get("result").get("job_id").asString();
		JobRecord stopped = this.queue.stop(jobId, ALICE).block(Duration.ofSeconds(10));
		assertThat(stopped.status()).isEqualTo(JobStatus.STOPPED);
		assertThat(this.commands.runs).hasValue(1);
		assertThat(call(this.dispatcher, "fast").get("result").asString()).isEqualTo("fast");
	}

}
