package dev.rpcadapter.autoconfigure.queue;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * adapter.queue.sync-cap over real HTTP: a slow non-queued call is handed to the queue,
 * once.
 */
class SyncCapIntegrationTests {

	private QueueServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.commands().openGate();
			this.server.close();
		}
	}

	@Test
	void slowCallIsHandedOffTheNextRequestIsAnsweredAndTheCommandRanOnce() {
		this.server = QueueServer.start(Map.of("adapter.queue.sync-cap", "300ms"));
		JsonNode answer = this.server.result("s_gate", Map.of());
		assertThat(answer.path("queued_after_timeout").asBoolean()).as(answer.toString()).isTrue();
		assertThat(answer.path("status").asString()).isEqualTo("running");
		assertThat(answer.path("poll_with").asString()).isEqualTo("queue_get_job_status");
		String jobId = answer.path("job_id").asString();
		JsonNode list = this.server.result("queue_list_jobs", Map.of("status_filter", "running"));
		assertThat(list.path("jobs").get(0).path("job_id").asString()).isEqualTo(jobId);
		JsonNode simplified = this.server.post("/api/jsonrpc",
				Map.of("command", "queue_get_job_status", "params", Map.of("job_id", jobId)));
		assertThat(simplified.path("result").path("status").asString()).isEqualTo("running");
		this.server.commands().openGate();
		JsonNode done = this.server.awaitStatus(jobId, "completed");
		assertThat(done.path("result").asString()).isEqualTo("passed");
		assertThat(this.server.commands().syncRuns()).isEqualTo(1);
	}

	@Test
	void handedOffCallCanBeStopped() {
		this.server = QueueServer.start(Map.of("adapter.queue.sync-cap", "300ms"));
		String jobId = this.server.result("s_gate", Map.of()).path("job_id").asString();
		JsonNode stopped = this.server.result("queue_stop_job", Map.of("job_id", jobId));
		assertThat(stopped.path("stop_requested").asBoolean()).isTrue();
		this.server.awaitStatus(jobId, "stopped");
		assertThat(this.server.commands().syncRuns()).isEqualTo(1);
	}

	@Test
	void withoutACapTheCallWaitsForItsResult() {
		this.server = QueueServer.start(Map.of());
		this.server.commands().openGate();
		assertThat(this.server.result("s_gate", Map.of()).asString()).isEqualTo("passed");
	}

}
