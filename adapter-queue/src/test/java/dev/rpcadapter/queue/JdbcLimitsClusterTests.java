package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Concurrency limits, quotas and tombstones on two nodes sharing one real PostgreSQL
 * database.
 */
class JdbcLimitsClusterTests {

	private static final Caller ALICE = Caller.of("alice", Set.of());

	private final CommandRegistry registry = CommandRegistry.create();

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger active = new AtomicInteger();

	private final AtomicInteger maxActive = new AtomicInteger();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private PostgresTestDatabase database;

	@BeforeEach
	void setUp() throws Exception {
		this.database = new PostgresTestDatabase("queue_limits_tests");
		this.registry.register(TestCommands.queued("hold", (job, params) -> {
			this.maxActive.accumulateAndGet(this.active.incrementAndGet(), Math::max);
			try {
				return this.release.await(20, TimeUnit.SECONDS);
			}
			finally {
				this.active.decrementAndGet();
			}
		}));
		this.registry.register(TestCommands.queued("quick", (job, params) -> "done"));
	}

	@AfterEach
	void tearDown() throws Exception {
		this.release.countDown();
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
		this.database.close();
	}

	private ClusterNode node(String instanceId, QueueLimits limits) throws Exception {
		ClusterNode node = new ClusterNode(this.database.dataSource(), instanceId, this.registry, limits);
		this.closeables.add(0, node);
		return node;
	}

	private static QueueLimits limits(Map<String, Integer> perCommand, int perCaller) {
		QueueLimits d = QueueLimits.DEFAULTS;
		return new QueueLimits(perCommand, 0, perCaller, d.maxParamsSize(), d.maxResultSize(), null, 10, 10);
	}

	private static JobRecord awaitStatus(JobQueue queue, String jobId, JobStatus status) {
		await().atMost(Duration.ofSeconds(15)).until(() -> queue.get(jobId, ALICE).status(), (s) -> s == status);
		return queue.get(jobId, ALICE);
	}

	@Test
	void commandLimitHoldsAcrossBothNodes() throws Exception {
		ClusterNode a = node("node-a", limits(Map.of("hold", 2), 0));
		ClusterNode b = node("node-b", limits(Map.of("hold", 2), 0));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ids.add(TestCommands.submit((i % 2 == 0) ? a.queue() : b.queue(), this.registry.find("hold").orElseThrow(),
					null, ALICE));
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> a.queue().counts().get(JobStatus.RUNNING) == 2);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> b.queue().counts().get(JobStatus.PENDING) == 2);
		this.release.countDown();
		ids.forEach((id) -> awaitStatus(b.queue(), id, JobStatus.COMPLETED));
		assertThat(this.maxActive).hasValue(2);
	}

	@Test
	void deletedJobIsATombstoneSeenFromTheOtherNode() throws Exception {
		ClusterNode a = node("node-a", QueueLimits.DEFAULTS);
		ClusterNode b = node("node-b", QueueLimits.DEFAULTS);
		String jobId = TestCommands.submit(a.queue(), this.registry.find("quick").orElseThrow(), null, ALICE);
		awaitStatus(b.queue(), jobId, JobStatus.COMPLETED);
		assertThat(a.queue().delete(jobId, ALICE).status()).isEqualTo(JobStatus.DELETED);
		JobRecord tombstone = b.queue().get(jobId, ALICE);
		assertThat(tombstone.status()).isEqualTo(JobStatus.DELETED);
		assertThat(tombstone.result()).isNull();
	}

	@Test
	void perCallerQuotaCountsPendingJobsOfEveryNode() throws Exception {
		ClusterNode a = node("node-a", limits(Map.of(), 1));
		ClusterNode b = node("node-b", limits(Map.of(), 1));
		a.scheduler().standby();
		b.scheduler().standby();
		TestCommands.submit(a.queue(), this.registry.find("quick").orElseThrow(), null, ALICE);
		assertThatThrownBy(() -> TestCommands.submit(b.queue(), this.registry.find("quick").orElseThrow(), null, ALICE))
			.isInstanceOfSatisfying(JsonRpcException.class, (ex) -> assertThat(ex.error().code()).isEqualTo(-32006));
	}

}
