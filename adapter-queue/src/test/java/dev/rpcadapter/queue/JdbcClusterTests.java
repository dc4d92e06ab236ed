package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two nodes on one real PostgreSQL database, Quartz clustered. */
class JdbcClusterTests {

	private static final Caller ALICE = Caller.of("alice", Set.of());

	private final CommandRegistry registry = CommandRegistry.create();

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger runs = new AtomicInteger();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private PostgresTestDatabase database;

	@BeforeEach
	void setUp() throws Exception {
		this.database = new PostgresTestDatabase("queue_cluster_tests");
		this.registry.register(TestCommands.queued("quick", (job, params) -> "quick-result"));
		this.registry.register(TestCommands.queued("hold", (job, params) -> this.release.await(20, TimeUnit.SECONDS)));
		this.registry.register(TestCommands.queued("crashy", null, true, this::firstRunHangs));
		this.registry.register(TestCommands.queued("fragile", null, false, this::firstRunHangs));
		this.registry.register(TestCommands.queued("cooperative", (job, params) -> {
			while (!job.isStopRequested()) {
				Thread.onSpinWait();
			}
			return null;
		}));
	}

	private Object firstRunHangs(dev.rpcadapter.command.JobContext job, JsonNode params) throws Exception {
		if (this.runs.incrementAndGet() == 1) {
			job.progress(10, "first run");
			this.release.await(30, TimeUnit.SECONDS);
			return "first run";
		}
		return "second run";
	}

	@AfterEach
	void tearDown() throws Exception {
		this.release.countDown();
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
		this.database.close();
	}

	private ClusterNode node(String instanceId) throws Exception {
		ClusterNode node = new ClusterNode(this.database.dataSource(), instanceId, this.registry);
		this.closeables.add(0, node);
		return node;
	}

	private Command command(String name) {
		return this.registry.find(name).orElseThrow();
	}

	private static JobRecord awaitStatus(JobQueue queue, String jobId, JobStatus status, int seconds) {
		await().atMost(Duration.ofSeconds(seconds)).until(() -> queue.get(jobId, ALICE).status(), (s) -> s == status);
		return queue.get(jobId, ALICE);
	}

	@Test
	void recoverableJobIsRerunAndFinishedJobsAreKeptWhenTheNodeRestarts() throws Exception {
		ClusterNode first = node("node-1");
		String done = TestCommands.submit(first.queue(), command("quick"), null, ALICE);
		awaitStatus(first.queue(), done, JobStatus.COMPLETED, 10);
		String jobId = TestCommands.submit(first.queue(), command("crashy"), null, ALICE);
		awaitStatus(first.queue(), jobId, JobStatus.RUNNING, 10);
		first.close();
		ClusterNode restarted = node("node-1");
		JobRecord rerun = awaitStatus(restarted.queue(), jobId, JobStatus.COMPLETED, 15);
		assertThat(rerun.result().asString()).isEqualTo("second run");
		assertThat(this.runs).hasValue(2);
		assertThat(restarted.queue().get(done, ALICE).result().asString()).isEqualTo("quick-result");
	}

	@Test
	void notRecoverableJobLeftRunningIsFailedWithAClearErrorAfterRestart() throws Exception {
		ClusterNode first = node("node-1");
		String jobId = TestCommands.submit(first.queue(), command("fragile"), null, ALICE);
		awaitStatus(first.queue(), jobId, JobStatus.RUNNING, 10);
		first.close();
		ClusterNode restarted = node("node-1");
		JobRecord failed = awaitStatus(restarted.queue(), jobId, JobStatus.FAILED, 15);
		assertThat(failed.error().message())
			.isEqualTo("Server stopped while the job was running; command is not recoverable");
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void workSpreadsOverBothNodes() throws Exception {
		ClusterNode a = node("node-a");
		ClusterNode b = node("node-b");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ids.add(TestCommands.submit(a.queue(), command("hold"), null, ALICE));
		}
		await().atMost(Duration.ofSeconds(15))
			.until(() -> b.queue().counts().get(JobStatus.RUNNING), (running) -> running == 4);
		Set<String> nodes = new HashSet<>();
		ids.forEach((id) -> nodes.add(b.queue().get(id, ALICE).node()));
		assertThat(nodes).containsExactlyInAnyOrder("node-a", "node-b");
		this.release.countDown();
		ids.forEach((id) -> awaitStatus(a.queue(), id, JobStatus.COMPLETED, 10));
	}

	@Test
	void jobSubmittedOnOneNodeIsWatchedAndStoppedFromTheOther() throws Exception {
		ClusterNode a = node("node-a");
		ClusterNode b = node("node-b");
		b.scheduler().standby();
		String jobId = TestCommands.submit(a.queue(), command("cooperative"), null, ALICE);
		awaitStatus(b.queue(), jobId, JobStatus.RUNNING, 10);
		List<JsonNode> events = new CopyOnWriteArrayList<>();
		b.queue().events(jobId, ALICE).subscribe(events::add);
		JobRecord stopped = b.queue().stop(jobId, ALICE).block(Duration.ofSeconds(10));
		assertThat(stopped.status()).isEqualTo(JobStatus.STOPPED);
		assertThat(stopped.node()).isEqualTo("node-a");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> !events.isEmpty()
					&& "job_stopped".equals(events.get(events.size() - 1).get("event").asString()));
	}

	@Test
	void recoverableJobOfADeadNodeIsRerunByTheOtherNode() throws Exception {
		ClusterNode a = node("node-a");
		ClusterNode b = node("node-b");
		b.scheduler().standby();
		String jobId = TestCommands.submit(a.queue(), command("crashy"), null, ALICE);
		awaitStatus(b.queue(), jobId, JobStatus.RUNNING, 10);
		b.scheduler().start();
		a.close();
		JobRecord rerun = awaitStatus(b.queue(), jobId, JobStatus.COMPLETED, 20);
		assertThat(rerun.result().asString()).isEqualTo("second run");
		assertThat(rerun.node()).isEqualTo("node-b");
	}

}
