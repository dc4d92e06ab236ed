package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class QueueCommandFactoryTests {

	private static final Caller ALICE = Caller.of("alice", Set.of());

	private final JsonMapper json = JsonMapper.builder().build();

	private final CommandRegistry registry = CommandRegistry.create();

	private Scheduler scheduler;

	private JobQueue queue;

	private Map<String, Command> commands;

	@BeforeEach
	void setUp() throws Exception {
		this.scheduler = TestCommands.ramScheduler(2);
		this.queue = JobQueue.builder(this.scheduler, this.registry).build();
		this.scheduler.start();
		this.commands = QueueCommands.of(this.queue).stream().collect(Collectors.toMap(Command::name, (c) -> c));
		this.registry.register(TestCommands.queued("work", (job, params) -> "done"));
	}

	@AfterEach
	void tearDown() throws Exception {
		this.queue.close();
		this.scheduler.shutdown(false);
	}

	private JsonNode call(String name, String params) {
		Object result = this.commands.get(name)
			.handler()
			.prepare(this.json.readTree(params))
			.execute(ALICE, JobContext.NONE)
			.block(Duration.ofSeconds(10));
		return (JsonNode) result;
	}

	@Test
	void everyBuiltInCommandHasAStrictParamsSchema() {
		assertThat(this.commands).containsOnlyKeys("queue_get_job_status", "job_status", "queue_list_jobs",
				"queue_stop_job", "queue_delete_job", "queue_get_job_logs", "queue_health");
		this.commands.values().forEach((command) -> {
			assertThat(command.descriptor().paramsSchema().get("type").asString()).isEqualTo("object");
			assertThat(command.descriptor().queued()).isFalse();
		});
		assertThat(
				this.commands.get("queue_get_job_status").descriptor().paramsSchema().get("required").get(0).asString())
			.isEqualTo("job_id");
	}

	@Test
	void jobStatusAndItsAliasReportTheJobObject() {
		String jobId = TestCommands.submit(this.queue, this.registry.find("work").orElseThrow(), null, ALICE);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> call("queue_get_job_status", "{\"job_id\":\"" + jobId + "\"}").get("status").asString(),
					"completed"::equals);
		JsonNode alias = call("job_status", "[\"" + jobId + "\"]");
		assertThat(alias.get("result").asString()).isEqualTo("done");
		assertThat(alias.get("command").asString()).isEqualTo("work");
	}

	@Test
	void listJobsFiltersAndPages() {
		Command work = this.registry.find("work").orElseThrow();
		for (int i = 0; i < 3; i++) {
			TestCommands.submit(this.queue, work, null, ALICE);
		}
		await().atMost(Duration.ofSeconds(5))
			.until(() -> call("queue_list_jobs", "{\"status_filter\":\"completed\"}").get("total_count").asInt() == 3);
		JsonNode page = call("queue_list_jobs", "{\"command\":\"work\",\"limit\":2,\"offset\":1}");
		assertThat(page.get("jobs")).hasSize(2);
		assertThat(page.get("total_count").asInt()).isEqualTo(3);
		assertThat(page.get("limit").asInt()).isEqualTo(2);
		assertThat(page.get("offset").asInt()).isEqualTo(1);
	}

	@Test
	void listJobsTakesListsOfStatesAndCommandsAndTheJobTypeAlias() {
		Command work = this.registry.find("work").orElseThrow();
		String jobId = TestCommands.submit(this.queue, work, null, ALICE);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> call("queue_list_jobs",
					"{\"status_filter\":[\"failed\",\"completed\"]," + "\"command\":[\"x\",\"work\"]}")
				.get("total_count")
				.asInt() == 1);
		assertThat(call("queue_list_jobs", "{\"job_type\":\"work\"}").get("total_count").asInt()).isEqualTo(1);
		assertThat(call("queue_list_jobs", "{\"job_type\":[\"other\"]}").get("total_count").asInt()).isZero();
		call("queue_delete_job", "{\"job_id\":\"" + jobId + "\"}");
		JsonNode deleted = call("queue_list_jobs", "{\"status_filter\":\"deleted\"}");
		assertThat(deleted.get("jobs").get(0).get("status").asString()).isEqualTo("deleted");
		assertThat(call("queue_get_job_status", "{\"job_id\":\"" + jobId + "\"}").get("status").asString())
			.isEqualTo("deleted");
	}

	@Test
	void invalidParamsAreRejectedWithInvalidParams() {
		assertThatThrownBy(() -> call("queue_list_jobs", "{\"limit\":0,\"status_filter\":\"done\",\"x\":1}"))
			.isInstanceOfSatisfying(JsonRpcException.class, (ex) -> {
				assertThat(ex.error().code()).isEqualTo(-32602);
				assertThat(ex.error().data().get("errors")).hasSize(3);
			});
		assertThatThrownBy(() -> call("queue_stop_job", "{}")).isInstanceOfSatisfying(JsonRpcException.class,
				(ex) -> assertThat(ex.error().code()).isEqualTo(-32602));
	}

	@Test
	void unknownJobIdIsJobNotFound() {
		assertThatThrownBy(() -> call("queue_delete_job", "{\"job_id\":\"missing\"}"))
			.isInstanceOfSatisfying(JsonRpcException.class, (ex) -> assertThat(ex.error().code()).isEqualTo(-32004));
	}

	@Test
	void queueHealthReportsStatusAndCounts() {
		JsonNode health = call("queue_health", "{}");
		assertThat(health.get("status").asString()).isEqualTo("ok");
		assertThat(health.get("store").asString()).isEqualTo("memory");
		assertThat(health.has("pending")).isTrue();
		assertThat(health.get("queue_status").asString()).isEqualTo("healthy");
		for (String field : new String[] { "total_jobs", "pending_jobs", "running_jobs", "completed_jobs",
				"failed_jobs" }) {
			assertThat(health.get(field).isIntegralNumber()).as(field).isTrue();
		}
		assertThat(health.get("max_concurrent_jobs").asInt()).isEqualTo(2);
	}

}
