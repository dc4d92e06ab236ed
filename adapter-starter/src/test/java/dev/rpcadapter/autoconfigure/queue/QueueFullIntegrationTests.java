package dev.rpcadapter.autoconfigure.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full queue refuses submits with {@code -32006}: one worker held by a gate, two
 * pending allowed.
 */
class QueueFullIntegrationTests {

	private static QueueServer server;

	@BeforeAll
	static void start() {
		server = QueueServer.start(Map.of("adapter.queue.workers", "1", "adapter.queue.max-pending", "2"));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void submitBeyondMaxPendingIsRefusedWith32006AndAcceptedAgainOnceTheQueueDrains() {
		String blocker = server.submit("q_gate", Map.of());
		server.awaitStatus(blocker, "running");
		List<String> pending = new ArrayList<>();
		pending.add(server.submit("q_echo", Map.of("text", "1")));
		pending.add(server.submit("q_echo", Map.of("text", "2")));
		JsonNode refused = server.error("q_echo", Map.of("text", "3"));
		assertThat(refused.path("code").asInt()).isEqualTo(-32006);
		assertThat(refused.path("data").path("max_pending").asInt()).isEqualTo(2);
		JsonNode cmd = server.post("/cmd", Map.of("command", "q_echo", "params", Map.of("text", "4")));
		assertThat(cmd.path("error").path("code").asInt()).isEqualTo(-32006);
		JsonNode queue = QueueServer.JSON.readTree(server.get("/health").body()).path("components").path("queue");
		assertThat(queue.path("status").asString()).isEqualTo("degraded");
		server.commands().openGate();
		for (String jobId : pending) {
			server.awaitStatus(jobId, "completed");
		}
		assertThat(
				server.awaitStatus(server.submit("q_echo", Map.of("text", "5")), "completed").path("result").asString())
			.isEqualTo("5");
	}

}
