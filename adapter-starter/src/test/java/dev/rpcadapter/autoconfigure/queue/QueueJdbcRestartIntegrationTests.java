package dev.rpcadapter.autoconfigure.queue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDBC store on the real PostgreSQL keeps jobs across a restart of the server. */
class QueueJdbcRestartIntegrationTests {

	private static PostgresSchema schema;

	@BeforeAll
	static void createSchema() {
		schema = PostgresSchema.create("it_queue_restart");
	}

	@AfterAll
	static void dropSchema() {
		schema.close();
	}

	@Test
	void finishedJobsKeepTheirStatusAndPendingJobsRunAfterARestart() {
		Map<String, Object> oneWorker = new LinkedHashMap<>(schema.properties());
		oneWorker.put("adapter.queue.workers", "1");
		QueueServer first = QueueServer.start(oneWorker);
		QueueTestCommands firstCommands = first.commands();
		String completed;
		String pending;
		try {
			completed = first.submit("q_echo", Map.of("text", "before restart"));
			first.awaitStatus(completed, "completed");
			String blocker = first.submit("q_gate", Map.of());
			first.awaitStatus(blocker, "running");
			pending = first.submit("q_echo", Map.of("text", "queued before restart"));
			assertThat(first.status(pending).path("status").asString()).isEqualTo("pending");
		}
		finally {
			first.close();
			firstCommands.openGate();
		}
		try (QueueServer second = QueueServer.start(schema.properties())) {
			JsonNode kept = second.status(completed);
			assertThat(kept.path("status").asString()).isEqualTo("completed");
			assertThat(kept.path("result").asString()).isEqualTo("before restart");
			JsonNode ran = second.awaitStatus(pending, "completed");
			assertThat(ran.path("result").asString()).isEqualTo("queued before restart");
			assertThat(second.commands().ran()).contains(pending);
			assertThat(firstCommands.ran()).doesNotContain(pending);
		}
	}

}
