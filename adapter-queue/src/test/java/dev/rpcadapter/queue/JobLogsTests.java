package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Job logs from JobContext.log and SLF4J on the job's thread, capped, on both stores. */
class JobLogsTests {

	private static final Logger logger = LoggerFactory.getLogger("test.job");

	private static final Caller ALICE = Caller.of("alice", Set.of());

	private static final Caller BOB = Caller.of("bob", Set.of());

	private final CommandRegistry registry = CommandRegistry.create();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private static @Nullable Object chatty(JobContext job, @Nullable JsonNode params) {
		job.log("starting");
		logger.info("slf4j line {}", 1);
		logger.warn("careful");
		job.log("ERROR", "bad thing");
		return "ok";
	}

	@AfterEach
	void tearDown() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	private static QueueLimits maxLines(int lines) {
		QueueLimits d = QueueLimits.DEFAULTS;
		return new QueueLimits(Map.of(), 0, 0, d.maxParamsSize(), d.maxResultSize(), null, 10, lines);
	}

	private JobQueue memory(QueueLimits limits) throws Exception {
		Scheduler scheduler = TestCommands.ramScheduler(1);
		JobQueue queue = JobQueue.builder(scheduler, this.registry).limits(limits).build();
		scheduler.start();
		this.closeables.add(() -> scheduler.shutdown(false));
		this.closeables.add(0, queue);
		return queue;
	}

	private static String runToEnd(JobQueue queue, Command command) {
		String jobId = TestCommands.submit(queue, command, null, ALICE);
		await().atMost(Duration.ofSeconds(15)).until(() -> queue.get(jobId, ALICE).status() == JobStatus.COMPLETED);
		return jobId;
	}

	@Test
	void linesOfJobContextAndSlf4jAreKeptInOrderAndOwnedLikeTheJob() throws Exception {
		Command command = TestCommands.queued("chatty", JobLogsTests::chatty);
		this.registry.register(command);
		JobQueue queue = memory(QueueLimits.DEFAULTS);
		String jobId = runToEnd(queue, command);
		JobLogPage page = queue.logs(jobId, ALICE, 0, 100);
		assertThat(page.lines()).extracting(JobLogLine::message)
			.containsExactly("starting", "slf4j line 1", "careful", "bad thing");
		assertThat(page.lines()).extracting(JobLogLine::level).containsExactly("INFO", "INFO", "WARN", "ERROR");
		assertThat(page.dropped()).isZero();
		assertThatThrownBy(() -> queue.logs(jobId, BOB, 0, 100)).isInstanceOf(JsonRpcException.class);
		Command logs = QueueCommands.of(queue)
			.stream()
			.filter((c) -> c.name().equals("queue_get_job_logs"))
			.findFirst()
			.orElseThrow();
		JsonNode json = (JsonNode) logs.handler()
			.prepare(JsonMapper.builder().build().readTree("{\"job_id\":\"" + jobId + "\",\"offset\":1,\"limit\":2}"))
			.execute(ALICE, JobContext.NONE)
			.block();
		assertThat(json.get("lines")).hasSize(2);
		assertThat(json.get("stderr").get(0).asString()).isEqualTo("careful");
		assertThat(json.get("stdout_lines").asInt()).isEqualTo(1);
	}

	@Test
	void subscribersThatAskForLogsGetJobLogEventsBeforeTheTerminalEvent() throws Exception {
		java.util.concurrent.CountDownLatch subscribed = new java.util.concurrent.CountDownLatch(1);
		Command command = TestCommands.queued("chatty", (job, params) -> {
			subscribed.await(10, java.util.concurrent.TimeUnit.SECONDS);
			return chatty(job, params);
		});
		this.registry.register(command);
		JobQueue queue = memory(QueueLimits.DEFAULTS);
		String jobId = TestCommands.submit(queue, command, null, ALICE);
		List<JsonNode> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		queue.events(jobId, ALICE, true).doOnNext((event) -> subscribed.countDown()).subscribe(events::add);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !events.isEmpty()
					&& "job_completed".equals(events.get(events.size() - 1).get("event").asString()));
		assertThat(events.stream()
			.filter((e) -> "job_log".equals(e.get("event").asString()))
			.map((e) -> e.get("message").asString()))
			.containsExactly("starting", "slf4j line 1", "careful", "bad thing");
	}

	@Test
	void theOldestLinesAreDroppedBeyondTheCap() throws Exception {
		Command command = TestCommands.queued("chatty", JobLogsTests::chatty);
		this.registry.register(command);
		JobQueue queue = memory(maxLines(2));
		JobLogPage page = queue.logs(runToEnd(queue, command), ALICE, 0, 100);
		assertThat(page.lines()).extracting(JobLogLine::message).containsExactly("careful", "bad thing");
		assertThat(page.dropped()).isEqualTo(2);
	}

	@Test
	void logsWrittenOnOneNodeAreReadFromTheOtherAndGoWithTheJob() throws Exception {
		PostgresTestDatabase database = new PostgresTestDatabase("queue_logs_tests");
		this.closeables.add(database);
		Command command = TestCommands.queued("chatty", JobLogsTests::chatty);
		this.registry.register(command);
		ClusterNode a = new ClusterNode(database.dataSource(), "node-a", this.registry, maxLines(3));
		this.closeables.add(0, a);
		ClusterNode b = new ClusterNode(database.dataSource(), "node-b", this.registry, maxLines(3));
		this.closeables.add(0, b);
		b.scheduler().standby();
		String jobId = runToEnd(a.queue(), command);
		JobLogPage page = b.queue().logs(jobId, ALICE, 0, 100);
		assertThat(page.lines()).extracting(JobLogLine::message)
			.containsExactly("slf4j line 1", "careful", "bad thing");
		assertThat(page.dropped()).isEqualTo(1);
		b.queue().delete(jobId, ALICE);
		assertThat(a.queue().logs(jobId, ALICE, 0, 100).total()).isZero();
	}

}
