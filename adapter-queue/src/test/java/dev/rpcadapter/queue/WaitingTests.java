package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-side waiting (max_wait_time / poll_interval) on the memory store and across two
 * PostgreSQL nodes.
 */
class WaitingTests {

	private static final Caller ALICE = Caller.of("alice", Set.of());

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CommandRegistry registry = CommandRegistry.create();

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@AfterEach
	void tearDown() throws Exception {
		this.release.countDown();
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	private JsonRpcDispatcher memory(QueueLimits limits) throws Exception {
		this.registry.register(TestCommands.queued("quick", (job, params) -> "quick-result"));
		this.registry.register(TestCommands.queued("hold", (job, params) -> this.release.await(20, TimeUnit.SECONDS)));
		Scheduler scheduler = TestCommands.ramScheduler(2);
		JobQueue queue = JobQueue.builder(scheduler, this.registry).limits(limits).build();
		scheduler.start();
		this.closeables.add(() -> scheduler.shutdown(false));
		this.closeables.add(0, queue);
		return JsonRpcDispatcher.builder(this.registry, JSON).jobSubmitter(queue).build();
	}

	private static QueueLimits waiting(Duration defaultWait, int maxWaiting) {
		QueueLimits d = QueueLimits.DEFAULTS;
		return new QueueLimits(Map.of(), 0, 0, d.maxParamsSize(), d.maxResultSize(), defaultWait, maxWaiting, 10);
	}

	static JsonNode call(JsonRpcDispatcher dispatcher, String method, String params) {
		byte[] body = ("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}")
			.getBytes();
		return JSON.readTree(dispatcher.handle(body, CallContext.of(ALICE, "test")).block(Duration.ofSeconds(30)));
	}

	@Test
	void maxWaitTimeAnswersTheFinishedJob() throws Exception {
		JsonRpcDispatcher dispatcher = memory(QueueLimits.DEFAULTS);
		JsonNode job = call(dispatcher, "quick", "{\"max_wait_time\": 10, \"poll_interval\": 0.5}").get("result");
		assertThat(job.get("status").asString()).isEqualTo("completed");
		assertThat(job.get("result").asString()).isEqualTo("quick-result");
		assertThat(job.get("finished_at").asString()).endsWith("Z");
	}

	@Test
	void aJobStillRunningWhenTheWaitEndsIsAnsweredWithTheEnvelopeAndItsStatus() throws Exception {
		JsonRpcDispatcher dispatcher = memory(QueueLimits.DEFAULTS);
		JsonNode envelope = call(dispatcher, "hold", "{\"max_wait_time\": 0.3}").get("result");
		assertThat(envelope.get("job_id").asString()).isNotBlank();
		assertThat(envelope.get("poll_with").asString()).isEqualTo("queue_get_job_status");
		assertThat(envelope.get("status").asString()).isIn("pending", "running");
	}

	@Test
	void theDefaultWaitAppliesToCallsThatNameNone() throws Exception {
		JsonRpcDispatcher dispatcher = memory(waiting(Duration.ofSeconds(10), 10));
		assertThat(call(dispatcher, "quick", "{}").get("result").get("status").asString()).isEqualTo("completed");
		assertThat(call(dispatcher, "quick", "{\"max_wait_time\": 0}").get("result").get("status").asString())
			.isEqualTo("pending");
	}

	@Test
	void pastMaxWaitingCallsTheEnvelopeIsAnsweredAtOnce() throws Exception {
		JsonRpcDispatcher dispatcher = memory(waiting(Duration.ofSeconds(10), 0));
		assertThat(call(dispatcher, "hold", "{}").get("result").get("status").asString()).isEqualTo("pending");
	}

	@Test
	void badWaitParamsAreInvalidParams() throws Exception {
		JsonRpcDispatcher dispatcher = memory(QueueLimits.DEFAULTS);
		JsonNode error = call(dispatcher, "quick", "{\"max_wait_time\": \"soon\", \"poll_interval\": -1}").get("error");
		assertThat(error.get("code").asInt()).isEqualTo(-32602);
		assertThat(error.get("data").get("errors")).hasSize(2);
	}

	@Test
	void aCallWaitsForAJobThatRunsOnAnotherNode() throws Exception {
		PostgresTestDatabase database = new PostgresTestDatabase("queue_waiting_tests");
		this.closeables.add(database);
		this.registry.register(TestCommands.queued("quick", (job, params) -> "quick-result"));
		ClusterNode a = new ClusterNode(database.dataSource(), "node-a", this.registry);
		this.closeables.add(0, a);
		ClusterNode b = new ClusterNode(database.dataSource(), "node-b", this.registry);
		this.closeables.add(0, b);
		a.scheduler().standby();
		JsonRpcDispatcher dispatcher = JsonRpcDispatcher.builder(this.registry, JSON).jobSubmitter(a.queue()).build();
		JsonNode job = call(dispatcher, "quick", "{\"max_wait_time\": 20}").get("result");
		assertThat(job.get("status").asString()).isEqualTo("completed");
		assertThat(b.queue().get(job.get("job_id").asString(), ALICE).node()).isEqualTo("node-b");
	}

}
