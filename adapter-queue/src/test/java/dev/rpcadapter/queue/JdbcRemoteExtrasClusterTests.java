package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Extra events (the transfers' {@code artifact_ready}) of a job that runs on one node
 * reach a subscriber on the other node, before the job's next state and exactly once, on
 * a real PostgreSQL.
 */
class JdbcRemoteExtrasClusterTests {

	private static final Caller ALICE = Caller.of("alice", Set.of());

	private final CommandRegistry registry = CommandRegistry.create();

	/**
	 * Stands for what both nodes read from the shared database (the transfers'
	 * artifacts).
	 */
	private final List<String> published = new CopyOnWriteArrayList<>();

	private final CountDownLatch publish = new CountDownLatch(1);

	private final CountDownLatch finish = new CountDownLatch(1);

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private PostgresTestDatabase database;

	@BeforeEach
	void setUp() throws Exception {
		this.database = new PostgresTestDatabase("queue_remote_extras_tests");
	}

	@AfterEach
	void tearDown() throws Exception {
		this.publish.countDown();
		this.finish.countDown();
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
		this.database.close();
	}

	private JobQueue node(String instanceId) throws Exception {
		ClusterNode node = new ClusterNode(this.database.dataSource(), instanceId, this.registry);
		this.closeables.add(0, node);
		node.queue().addEventReplay((record) -> this.published.stream().map((name) -> artifact(record, name)).toList());
		return node.queue();
	}

	private static JsonNode artifact(JobRecord record, String name) {
		return JsonNodeFactory.instance.objectNode()
			.put("event", "artifact_ready")
			.put("job_id", record.jobId())
			.put("name", name)
			.put("timestamp", System.nanoTime());
	}

	@Test
	void anArtifactOfAJobOnTheOtherNodeArrivesOnceBeforeItsNextStates() throws Exception {
		Command command = TestCommands.queued("produce", (job, params) -> {
			this.publish.await(20, TimeUnit.SECONDS);
			this.published.add("early.csv");
			job.progress(50, "half");
			this.finish.await(20, TimeUnit.SECONDS);
			this.published.add("late.csv");
			return "done";
		});
		this.registry.register(command);
		JobQueue a = node("node-a");
		JobQueue b = node("node-b");
		String jobId = TestCommands.submit(a, command, null, ALICE);
		await().atMost(Duration.ofSeconds(20)).until(() -> a.get(jobId, ALICE).status() == JobStatus.RUNNING);
		JobQueue watcher = "node-a".equals(a.get(jobId, ALICE).node()) ? b : a;
		List<JsonNode> events = new CopyOnWriteArrayList<>();
		Disposable subscription = watcher.events(jobId, ALICE).subscribe(events::add);
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
			this.publish.countDown();
			await().atMost(Duration.ofSeconds(20)).until(() -> names(events).contains("early.csv"));
			this.finish.countDown();
			await().atMost(Duration.ofSeconds(20))
				.until(() -> events.stream().anyMatch((e) -> e.path("event").asString().equals("job_completed")));

			List<String> sequence = events.stream()
				.map((e) -> e.has("name") ? e.path("name").asString()
						: e.path("status").asString() + ":" + e.path("progress").asInt())
				.toList();
			assertThat(names(events)).containsExactly("early.csv", "late.csv");
			assertThat(sequence.indexOf("early.csv")).isLessThan(sequence.indexOf("running:50"));
			assertThat(sequence.indexOf("late.csv")).isEqualTo(sequence.size() - 2);
		}
		finally {
			subscription.dispose();
		}
	}

	private static List<String> names(List<JsonNode> events) {
		return events.stream().filter((e) -> e.has("name")).map((e) -> e.path("name").asString()).toList();
	}

}
