package dev.rpcadapter.autoconfigure.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.rpcadapter.test.WebSocketFrames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers sharing one PostgreSQL database form one queue: Quartz clustering plus the
 * JDBC store.
 */
class QueueJdbcClusterIntegrationTests {

	private static PostgresSchema schema;

	private static QueueServer a;

	private static QueueServer b;

	@BeforeAll
	static void start() {
		schema = PostgresSchema.create("it_queue_cluster");
		a = QueueServer.start(schema.properties());
		b = QueueServer.start(schema.properties());
	}

	@AfterAll
	static void stop() {
		a.commands().openGate();
		b.commands().openGate();
		b.close();
		a.close();
		schema.close();
	}

	@BeforeEach
	void closeGates() {
		a.commands().closeGate();
		b.commands().closeGate();
	}

	@Test
	void jobSubmittedOnOneNodeIsVisibleOnTheOther() {
		String jobId = a.submit("q_echo", Map.of("text", "from a"));
		JsonNode job = b.awaitStatus(jobId, "completed");
		assertThat(job.path("result").asString()).isEqualTo("from a");
		assertThat(b.result("queue_list_jobs", Map.of("command", "q_echo")).path("total_count").asLong())
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void stopOnTheOtherNodeStopsAJobRunningElsewhere() {
		String jobId = a.submit("q_gate", Map.of());
		b.awaitStatus(jobId, "running");
		QueueServer runner = runnerOf(jobId);
		QueueServer other = (runner == a) ? b : a;
		JsonNode stopped = other.result("queue_stop_job", Map.of("job_id", jobId));
		assertThat(stopped.path("status").asString()).isEqualTo("stopped");
		assertThat(runner.status(jobId).path("status").asString()).isEqualTo("stopped");
	}

	@Test
	void webSocketSubscriberOnOneNodeHearsAboutAJobRunningOnTheOther() {
		String jobId = a.submit("q_gate", Map.of());
		a.awaitStatus(jobId, "running");
		QueueServer runner = runnerOf(jobId);
		QueueServer other = (runner == a) ? b : a;
		try (WebSocketFrames ws = WebSocketFrames.open(other.uri("/ws"))) {
			ws.send(Map.of("action", "subscribe", "job_id", jobId));
			assertThat(ws.next().path("event").asString()).isEqualTo("subscribed");
			assertThat(ws.next().path("status").asString()).isEqualTo("running");
			runner.commands().openGate();
			JsonNode completed = ws.nextEvent("job_completed");
			assertThat(completed.path("job_id").asString()).isEqualTo(jobId);
			assertThat(completed.path("result").asString()).isEqualTo("passed");
		}
	}

	@Test
	void workSpreadsOverBothNodes() {
		List<String> jobs = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			jobs.add(((i % 2 == 0) ? a : b).submit("q_steps", Map.of("steps", 5, "step_ms", 100)));
		}
		for (String jobId : jobs) {
			b.awaitStatus(jobId, "completed");
		}
		assertThat(a.commands().ran()).containsAnyElementsOf(jobs);
		assertThat(b.commands().ran()).containsAnyElementsOf(jobs);
	}

	private static QueueServer runnerOf(String jobId) {
		if (a.commands().running().contains(jobId)) {
			return a;
		}
		assertThat(b.commands().running()).contains(jobId);
		return b;
	}

}
