package dev.rpcadapter.autoconfigure.queue;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Queued commands on the real server with the in-memory store, over HTTP. */
class QueueIntegrationTests {

	private static QueueServer server;

	@BeforeAll
	static void start() {
		server = QueueServer.start(Map.of());
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void jsonRpcSubmitAnswersAtOnceAndThePollReachesCompletedWithTheResult() {
		String jobId = server.submit("q_echo", Map.of("text", "hello"));
		JsonNode job = server.awaitStatus(jobId, "completed");
		assertThat(job.path("job_id").asString()).isEqualTo(jobId);
		assertThat(job.path("command").asString()).isEqualTo("q_echo");
		assertThat(job.path("result").asString()).isEqualTo("hello");
		assertThat(job.has("error")).isFalse();
		assertThat(job.path("created_at").asString()).endsWith("Z");
		assertThat(job.path("started_at").asString()).endsWith("Z");
		assertThat(job.path("finished_at").asString()).endsWith("Z");
	}

	@Test
	void simplifiedFormAndCmdEndpointSubmitToo() {
		JsonNode simplified = server.post("/api/jsonrpc", Map.of("command", "q_echo", "params", Map.of("text", "a")));
		assertThat(simplified.path("result").path("status").asString()).isEqualTo("pending");
		JsonNode cmd = server.post("/cmd", Map.of("command", "q_echo", "params", Map.of("text", "b")));
		assertThat(cmd.path("result").path("status").asString()).isEqualTo("pending");
		assertThat(cmd.path("result").path("poll_with").asString()).isEqualTo("queue_get_job_status");
		String jobId = cmd.path("result").path("job_id").asString();
		assertThat(server.awaitStatus(jobId, "completed").path("result").asString()).isEqualTo("b");
		JsonNode viaCmd = server.post("/cmd",
				Map.of("command", "queue_get_job_status", "params", Map.of("job_id", jobId)));
		assertThat(viaCmd.path("result").path("status").asString()).isEqualTo("completed");
	}

	@Test
	void statusAliasAndTopLevelJobIdGiveTheSameJob() {
		String jobId = server.submit("q_echo", Map.of("text", "alias"));
		server.awaitStatus(jobId, "completed");
		assertThat(server.result("job_status", Map.of("job_id", jobId)).path("result").asString()).isEqualTo("alias");
		JsonNode topLevel = server.post("/api/jsonrpc",
				Map.of("jsonrpc", "2.0", "method", "queue_get_job_status", "job_id", jobId, "id", 7));
		assertThat(topLevel.path("result").path("status").asString()).as(topLevel.toString()).isEqualTo("completed");
		JsonNode simplified = server.post("/api/jsonrpc", Map.of("command", "job_status", "job_id", jobId));
		assertThat(simplified.path("result").path("job_id").asString()).as(simplified.toString()).isEqualTo(jobId);
	}

	@Test
	void progressIsVisibleWhileRunning() {
		String jobId = server.submit("q_steps", Map.of("steps", 20, "step_ms", 50));
		JsonNode running = server.awaitStatus(jobId, "running");
		assertThat(running.path("progress").asInt()).isBetween(0, 100);
		JsonNode done = server.awaitStatus(jobId, "completed");
		assertThat(done.path("progress").asInt()).isEqualTo(100);
		assertThat(done.path("description").asString()).isEqualTo("step 20 of 20");
		assertThat(done.path("result").path("steps").asInt()).isEqualTo(20);
	}

	@Test
	void failingCommandEndsFailedWithItsJsonRpcError() {
		String jobId = server.submit("q_fail", Map.of("reason", "disk full"));
		JsonNode job = server.awaitStatus(jobId, "failed");
		assertThat(job.path("error").path("code").asInt()).isEqualTo(-32000);
		assertThat(job.path("error").path("message").asString()).isEqualTo("Job failed: disk full");
		assertThat(job.path("error").path("data").path("reason").asString()).isEqualTo("disk full");
		assertThat(job.has("result")).isFalse();
	}

	@Test
	void timeoutFailsTheJobWith32003() {
		String jobId = server.submit("q_slow", Map.of());
		JsonNode job = server.awaitStatus(jobId, "failed");
		assertThat(job.path("error").path("code").asInt()).isEqualTo(-32003);
	}

	@Test
	void stopOfACooperativeRunningJobReportsStopped() {
		server.commands().closeGate();
		String jobId = server.submit("q_gate", Map.of());
		server.awaitStatus(jobId, "running");
		JsonNode stopped = server.result("queue_stop_job", Map.of("job_id", jobId));
		assertThat(stopped.path("status").asString()).isEqualTo("stopped");
		assertThat(server.status(jobId).path("status").asString()).isEqualTo("stopped");
		assertThat(server.status(jobId).has("result")).isFalse();
	}

	@Test
	void stopOfAJobThatIgnoresTheFlagInterruptsItAfterTheGracePeriod() {
		String jobId = server.submit("q_stubborn", Map.of());
		server.awaitStatus(jobId, "running");
		JsonNode stopped = server.result("queue_stop_job", Map.of("job_id", jobId));
		assertThat(stopped.path("status").asString()).isEqualTo("stopped");
	}

	@Test
	void stopOfAFinishedJobLeavesItsTruthfulState() {
		String jobId = server.submit("q_echo", Map.of("text", "done"));
		server.awaitStatus(jobId, "completed");
		JsonNode after = server.result("queue_stop_job", Map.of("job_id", jobId));
		assertThat(after.path("status").asString()).isEqualTo("completed");
		assertThat(after.path("result").asString()).isEqualTo("done");
	}

	@Test
	void badParamsOfAQueuedCommandAreRejectedAtOnceWithoutAJob() {
		long before = server.result("queue_list_jobs", Map.of("command", "q_steps")).path("total_count").asLong();
		JsonNode error = server.error("q_steps", Map.of("steps", "many", "unknown", 1));
		assertThat(error.path("code").asInt()).isEqualTo(-32602);
		assertThat(error.path("data").path("errors").isArray()).isTrue();
		JsonNode missing = server.error("q_echo", Map.of());
		assertThat(missing.path("code").asInt()).isEqualTo(-32602);
		assertThat(server.result("queue_list_jobs", Map.of("command", "q_steps")).path("total_count").asLong())
			.isEqualTo(before);
	}

	@Test
	void unknownJobIs32004() {
		JsonNode error = server.error("queue_get_job_status", Map.of("job_id", "no-such-job"));
		assertThat(error.path("code").asInt()).isEqualTo(-32004);
		assertThat(server.error("queue_stop_job", Map.of("job_id", "no-such-job")).path("code").asInt())
			.isEqualTo(-32004);
		assertThat(server.error("queue_delete_job", Map.of("job_id", "no-such-job")).path("code").asInt())
			.isEqualTo(-32004);
	}

	@Test
	void listFiltersAndPagesAndDeleteLeavesATombstone() {
		String first = server.submit("q_echo", Map.of("text", "list-1"));
		String second = server.submit("q_echo", Map.of("text", "list-2"));
		server.awaitStatus(first, "completed");
		server.awaitStatus(second, "completed");
		JsonNode page = server.result("queue_list_jobs",
				Map.of("status_filter", "completed", "command", "q_echo", "limit", 1, "offset", 0));
		assertThat(page.path("jobs")).hasSize(1);
		assertThat(page.path("total_count").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(page.path("status_filter").asString()).isEqualTo("completed");
		assertThat(page.path("jobs").get(0).path("status").asString()).isEqualTo("completed");
		assertThat(server.error("queue_list_jobs", Map.of("limit", 1001)).path("code").asInt()).isEqualTo(-32602);
		assertThat(server.error("queue_list_jobs", Map.of("status_filter", "nope")).path("code").asInt())
			.isEqualTo(-32602);
		JsonNode deleted = server.result("queue_delete_job", Map.of("job_id", first));
		assertThat(deleted.path("deleted").asBoolean()).isTrue();
		assertThat(deleted.path("status").asString()).isEqualTo("deleted");
		JsonNode tombstone = server.status(first);
		assertThat(tombstone.path("status").asString()).isEqualTo("deleted");
		assertThat(tombstone.has("result")).isFalse();
	}

	@Test
	void healthShowsTheQueueComponent() {
		HttpResponse<String> response = server.get("/health");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode queue = QueueServer.JSON.readTree(response.body()).path("components").path("queue");
		assertThat(queue.path("status").asString()).as(response.body()).isEqualTo("ok");
		assertThat(queue.toString()).contains("memory").contains("started");
		JsonNode health = server.result("queue_health", Map.of());
		assertThat(health.path("status").asString()).isEqualTo("ok");
		assertThat(health.path("store").asString()).isEqualTo("memory");
	}

}
