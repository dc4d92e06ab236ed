package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A handed-off call on two nodes sharing one real PostgreSQL database. */
class JdbcHandOffClusterTests {

	private static final Caller ALICE = Caller.of("alice", Set.of());

	private final CommandRegistry registry = CommandRegistry.create();

	private final SlowCommands commands = new SlowCommands();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private PostgresTestDatabase database;

	@BeforeEach
	void setUp() throws Exception {
		this.database = new PostgresTestDatabase("queue_handoff_tests");
	}

	@AfterEach
	void tearDown() throws Exception {
		this.commands.release.countDown();
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

	private static JobRecord awaitStatus(JobQueue queue, String jobId, JobStatus status) {
		await().atMost(Duration.ofSeconds(20)).until(() -> queue.get(jobId, ALICE).status(), (s) -> s == status);
		return queue.get(jobId, ALICE);
	}

	@Test
	void handedOffJobIsSeenFromTheOtherNodeAndKeptAliveByItsNode() throws Exception {
		ClusterNode a = node("node-a");
		ClusterNode b = node("node-b");
		JsonRpcDispatcher dispatcher = this.commands.dispatcher(this.registry, a.queue());
		String jobId = HandOffTests.call(dispatcher, "slow").get("result").get("job_id").asString();
		await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).until(() -> {
			((DefaultJobQueue) b.queue()).recoverNow();
			return b.queue().get(jobId, ALICE).status() == JobStatus.RUNNING;
		});
		this.commands.release.countDown();
		JobRecord done = awaitStatus(b.queue(), jobId, JobStatus.COMPLETED);
		assertThat(done.result().asString()).isEqualTo("done");
		assertThat(done.node()).isEqualTo("node-a");
		assertThat(this.commands.runs).hasValue(1);
	}

	@Test
	void handedOffJobOfADeadNodeIsFailedTruthfully() throws Exception {
		ClusterNode a = node("node-a");
		ClusterNode b = node("node-b");
		JsonRpcDispatcher dispatcher = this.commands.dispatcher(this.registry, a.queue());
		String jobId = HandOffTests.call(dispatcher, "slow").get("result").get("job_id").asString();
		a.close();
		JobRecord failed = awaitStatus(b.queue(), jobId, JobStatus.FAILED);
		assertThat(failed.error().data().get("reason").asString()).isEqualTo("node_lost");
		this.commands.release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.commands.runs.get() == 1);
		assertThat(b.queue().get(jobId, ALICE).status()).isEqualTo(JobStatus.FAILED);
	}

}
