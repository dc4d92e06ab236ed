package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Concurrency limits, quotas, size caps and list filters on the memory store. */
class QueueOperationsTests {

	private static final Caller ALICE = Caller.of("alice", Set.of("user"));

	private static final Caller BOB = Caller.of("bob", Set.of("user"));

	private final CommandRegistry registry = CommandRegistry.create();

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger active = new AtomicInteger();

	private final AtomicInteger maxActive = new AtomicInteger();

	private Scheduler scheduler;

	private JobQueue queue;

	private JobQueue start(QueueLimits limits, int workers) throws Exception {
		this.scheduler = TestCommands.ramScheduler(workers);
		this.queue = JobQueue.builder(this.scheduler, this.registry).limits(limits).build();
		this.scheduler.start();
		return this.queue;
	}

	@AfterEach
	void tearDown() throws Exception {
		this.release.countDown();
		this.queue.close();
		this.scheduler.shutdown(false);
	}

	private Command holding(String name) {
		Command command = TestCommands.queued(name, (job, params) -> {
			this.maxActive.accumulateAndGet(this.active.incrementAndGet(), Math::max);
			try {
				return this.release.await(10, TimeUnit.SECONDS);
			}
			finally {
				this.active.decrementAndGet();
			}
		});
		this.registry.register(command);
		return command;
	}

	private JobRecord awaitStatus(String jobId, JobStatus status) {
		await().atMost(Duration.ofSeconds(5)).until(() -> this.queue.get(jobId, ALICE).status(), (s) -> s == status);
		return this.queue.get(jobId, ALICE);
	}

	private static QueueLimits limits(Map<String, Integer> perCommand, int maxConcurrent, int perCaller) {
		QueueLimits d = QueueLimits.DEFAULTS;
		return new QueueLimits(perCommand, maxConcurrent, perCaller, d.maxParamsSize(), d.maxResultSize(),
				d.defaultMaxWait(), d.maxWaitingCalls(), d.maxLogLines());
	}

	@Test
	void jobsOverTheCommandLimitWaitPendingAndRunWhenASlotFrees() throws Exception {
		start(limits(Map.of("hold", 1), 0, 0), 3);
		Command hold = holding("hold");
		String first = TestCommands.submit(this.queue, hold, null, ALICE);
		awaitStatus(first, JobStatus.RUNNING);
		String second = TestCommands.submit(this.queue, hold, null, ALICE);
		await().during(Duration.ofMillis(800))
			.atMost(Duration.ofSeconds(3))
			.until(() -> this.queue.get(second, ALICE).status() == JobStatus.PENDING);
		this.release.countDown();
		awaitStatus(first, JobStatus.COMPLETED);
		awaitStatus(second, JobStatus.COMPLETED);
		assertThat(this.maxActive).hasValue(1);
	}

	@Test
	void maxConcurrentBoundsRunningJobsOfAllCommands() throws Exception {
		start(limits(Map.of(), 2, 0), 4);
		Command a = holding("a");
		Command b = holding("b");
		String[] ids = { TestCommands.submit(this.queue, a, null, ALICE),
				TestCommands.submit(this.queue, b, null, ALICE), TestCommands.submit(this.queue, a, null, ALICE) };
		await().atMost(Duration.ofSeconds(5)).until(() -> this.queue.counts().get(JobStatus.RUNNING) == 2);
		await().during(Duration.ofMillis(800))
			.atMost(Duration.ofSeconds(3))
			.until(() -> this.queue.counts().get(JobStatus.PENDING) == 1);
		this.release.countDown();
		for (String id : ids) {
			awaitStatus(id, JobStatus.COMPLETED);
		}
		assertThat(this.maxActive).hasValue(2);
	}

	@Test
	void perCallerQuotaRefusesOneCallerWithoutBlockingOthers() throws Exception {
		start(limits(Map.of(), 0, 2), 1);
		this.scheduler.standby();
		Command hold = holding("hold");
		TestCommands.submit(this.queue, hold, null, ALICE);
		TestCommands.submit(this.queue, hold, null, ALICE);
		assertThatThrownBy(() -> TestCommands.submit(this.queue, hold, null, ALICE))
			.isInstanceOfSatisfying(JsonRpcException.class, (ex) -> {
				assertThat(ex.error().code()).isEqualTo(-32006);
				assertThat(ex.error().message()).contains("Too many pending jobs for 'alice'")
					.contains("adapter.queue.max-pending-per-caller");
			});
		assertThat(TestCommands.submit(this.queue, hold, null, BOB)).isNotBlank();
	}

	@Test
	void paramsOverTheSizeCapAreRefusedBeforeAJobExists() throws Exception {
		QueueLimits d = QueueLimits.DEFAULTS;
		start(new QueueLimits(Map.of(), 0, 0, 100, d.maxResultSize(), null, 10, 10), 1);
		Command hold = holding("hold");
		var params = JsonNodeFactory.instance.objectNode().put("text", "x".repeat(200));
		assertThatThrownBy(() -> TestCommands.submit(this.queue, hold, params, ALICE))
			.isInstanceOfSatisfying(JsonRpcException.class, (ex) -> {
				assertThat(ex.error().code()).isEqualTo(-32602);
				assertThat(ex.error().message()).contains("adapter.queue.max-params-size");
			});
		assertThat(this.queue.counts().values().stream().mapToLong(Long::longValue).sum()).isZero();
	}

	@Test
	void oversizeResultFailsTheJobClearlyAndOversizeErrorLosesItsData() throws Exception {
		QueueLimits d = QueueLimits.DEFAULTS;
		start(new QueueLimits(Map.of(), 0, 0, d.maxParamsSize(), 200, null, 10, 10), 1);
		Command big = TestCommands.queued("big", (job, params) -> "y".repeat(1000));
		Command loud = TestCommands.queued("loud", (job, params) -> {
			throw new CommandException(-32010, "too loud", Map.of("dump", "z".repeat(1000)));
		});
		this.registry.register(big);
		this.registry.register(loud);
		JobRecord failed = awaitStatus(TestCommands.submit(this.queue, big, null, ALICE), JobStatus.FAILED);
		assertThat(failed.result()).isNull();
		assertThat(failed.error().message()).contains("exceeds adapter.queue.max-result-size");
		assertThat(failed.error().data().get("reason").asString()).isEqualTo("result_too_large");
		JobRecord loudFailed = awaitStatus(TestCommands.submit(this.queue, loud, null, ALICE), JobStatus.FAILED);
		assertThat(loudFailed.error().code()).isEqualTo(-32010);
		assertThat(loudFailed.error().message()).isEqualTo("too loud");
		assertThat(loudFailed.error().data().get("truncated").asBoolean()).isTrue();
	}

	@Test
	void listFiltersByListsOfStatesAndCommands() throws Exception {
		start(QueueLimits.DEFAULTS, 2);
		Command one = TestCommands.queued("one", (job, params) -> 1);
		Command two = TestCommands.queued("two", (job, params) -> 2);
		this.registry.register(one);
		this.registry.register(two);
		Command hold = holding("hold");
		awaitStatus(TestCommands.submit(this.queue, one, null, ALICE), JobStatus.COMPLETED);
		awaitStatus(TestCommands.submit(this.queue, two, null, ALICE), JobStatus.COMPLETED);
		String held = TestCommands.submit(this.queue, hold, null, ALICE);
		awaitStatus(held, JobStatus.RUNNING);
		var both = this.queue.list(
				new JobQuery(null, Set.of(JobStatus.COMPLETED, JobStatus.RUNNING), Set.of("one", "hold"), 100, 0),
				ALICE);
		assertThat(both.jobs()).extracting(JobRecord::command).containsExactlyInAnyOrder("one", "hold");
		var paged = this.queue.list(new JobQuery(null, Set.of(), Set.of("one", "two", "hold"), 1, 1), ALICE);
		assertThat(paged.totalCount()).isEqualTo(3);
		assertThat(paged.jobs()).hasSize(1);
	}

}
