package dev.rpcadapter.autoconfigure.queue;

import java.time.Duration;
import java.util.Map;

import dev.rpcadapter.test.WebSocketFrames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job events on {@code /ws} of the real server (JDK WebSocket client), in-memory store.
 */
class QueueWebSocketIntegrationTests {

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
	void subscribeAcknowledgesThenPushesProgressAndCompletion() {
		server.commands().closeGate();
		String jobId = server.submit("q_gate", Map.of());
		try (WebSocketFrames ws = WebSocketFrames.open(server.uri("/ws"))) {
			ws.send(Map.of("action", "subscribe", "job_id", jobId));
			JsonNode subscribed = ws.next();
			assertThat(subscribed.path("event").asString()).isEqualTo("subscribed");
			assertThat(subscribed.path("job_id").asString()).isEqualTo(jobId);
			JsonNode snapshot = ws.next();
			assertThat(snapshot.path("event").asString()).isEqualTo("job_progress");
			assertThat(snapshot.path("status").asString()).isIn("pending", "running");
			server.commands().openGate();
			JsonNode completed = ws.nextEvent("job_completed");
			assertThat(completed.path("job_id").asString()).isEqualTo(jobId);
			assertThat(completed.path("status").asString()).isEqualTo("completed");
			assertThat(completed.path("result").asString()).isEqualTo("passed");
			assertThat(completed.path("timestamp").asString()).endsWith("Z");
		}
	}

	@Test
	void subscribingWithLogsPushesJobLogEventsBeforeTheTerminalEvent() {
		server.commands().closeGate();
		String jobId = server.submit("q_gate", Map.of());
		try (WebSocketFrames ws = WebSocketFrames.open(server.uri("/ws"))) {
			ws.send(Map.of("action", "subscribe", "job_id", jobId, "logs", true));
			assertThat(ws.next().path("event").asString()).isEqualTo("subscribed");
			assertThat(ws.next().path("event").asString()).isEqualTo("job_progress");
			server.commands().openGate();
			JsonNode log = ws.nextEvent("job_log");
			assertThat(log.path("job_id").asString()).isEqualTo(jobId);
			assertThat(log.path("message").asString()).isEqualTo("through the gate");
			assertThat(log.path("level").asString()).isEqualTo("INFO");
			assertThat(ws.nextEvent("job_completed").path("result").asString()).isEqualTo("passed");
		}
	}

	@Test
	void progressEventsCarryProgressAndDescription() {
		String jobId = server.submit("q_steps", Map.of("steps", 5, "step_ms", 100));
		try (WebSocketFrames ws = WebSocketFrames.open(server.uri("/ws"))) {
			ws.send(Map.of("action", "subscribe", "job_id", jobId));
			assertThat(ws.next().path("event").asString()).isEqualTo("subscribed");
			JsonNode progress;
			do {
				progress = ws.next();
			}
			while ("job_progress".equals(progress.path("event").asString()) && progress.path("progress").asInt() == 0);
			assertThat(progress.path("description").asString()).startsWith("step ");
			assertThat(ws.nextEvent("job_completed").path("progress").asInt()).isEqualTo(100);
		}
	}

	@Test
	void subscribingToAFinishedJobSendsItsTerminalEventAtOnce() {
		String jobId = server.submit("q_fail", Map.of("reason", "late"));
		server.awaitStatus(jobId, "failed");
		try (WebSocketFrames ws = WebSocketFrames.open(server.uri("/ws"))) {
			ws.send(Map.of("action", "subscribe", "job_id", jobId));
			assertThat(ws.next().path("event").asString()).isEqualTo("subscribed");
			JsonNode failed = ws.next();
			assertThat(failed.path("event").asString()).isEqualTo("job_failed");
			assertThat(failed.path("error").path("code").asInt()).isEqualTo(-32000);
			assertThat(failed.path("error").path("message").asString()).isEqualTo("Job failed: late");
		}
	}

	@Test
	void queuedCommandCalledOverTheSocketSubscribesItAndEventsFollowTheResponse() {
		try (WebSocketFrames ws = WebSocketFrames.open(server.uri("/ws"))) {
			ws.send(Map.of("jsonrpc", "2.0", "method", "q_steps", "params", Map.of("steps", 3, "step_ms", 50), "id",
					"ws-1"));
			JsonNode response = ws.next();
			assertThat(response.path("id").asString()).isEqualTo("ws-1");
			assertThat(response.path("result").path("status").asString()).isEqualTo("pending");
			String jobId = response.path("result").path("job_id").asString();
			JsonNode completed = ws.nextEvent("job_completed");
			assertThat(completed.path("job_id").asString()).isEqualTo(jobId);
			assertThat(completed.path("result").path("steps").asInt()).isEqualTo(3);
		}
	}

	@Test
	void stopIsPushedAsJobStopped() {
		server.commands().closeGate();
		String jobId = server.submit("q_gate", Map.of());
		server.awaitStatus(jobId, "running");
		try (WebSocketFrames ws = WebSocketFrames.open(server.uri("/ws"))) {
			ws.send(Map.of("action", "subscribe", "job_id", jobId));
			assertThat(ws.next().path("event").asString()).isEqualTo("subscribed");
			server.result("queue_stop_job", Map.of("job_id", jobId));
			assertThat(ws.nextEvent("job_stopped").path("status").asString()).isEqualTo("stopped");
		}
	}

	@Test
	void unsubscribeStopsTheEvents() throws InterruptedException {
		server.commands().closeGate();
		String jobId = server.submit("q_gate", Map.of());
		server.awaitStatus(jobId, "running");
		try (WebSocketFrames ws = WebSocketFrames.open(server.uri("/ws"))) {
			ws.send(Map.of("action", "subscribe", "job_id", jobId));
			assertThat(ws.next().path("event").asString()).isEqualTo("subscribed");
			assertThat(ws.next().path("event").asString()).isEqualTo("job_progress");
			ws.send(Map.of("action", "unsubscribe", "job_id", jobId));
			assertThat(ws.next().path("event").asString()).isEqualTo("unsubscribed");
			server.commands().openGate();
			server.awaitStatus(jobId, "completed");
			ws.assertQuietFor(Duration.ofMillis(300));
		}
	}

	@Test
	void subscribingToAnUnknownJobSendsAnErrorEvent() {
		try (WebSocketFrames ws = WebSocketFrames.open(server.uri("/ws"))) {
			ws.send(Map.of("action", "subscribe", "job_id", "no-such-job"));
			JsonNode frame = ws.nextEvent("error");
			assertThat(frame.path("job_id").asString()).isEqualTo("no-such-job");
			assertThat(frame.path("error").path("code").asInt()).isEqualTo(-32004);
		}
	}

}
