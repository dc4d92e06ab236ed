package dev.rpcadapter.autoconfigure.queue;

import java.util.Map;

import dev.rpcadapter.test.WebSocketFrames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.queue.AsyncIntegrationTests.call;
import static dev.rpcadapter.autoconfigure.queue.AsyncIntegrationTests.postAsync;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers on one PostgreSQL database: an async call made on one is delivered to a
 * subscriber of the other.
 */
class AsyncJdbcClusterIntegrationTests {

	private static PostgresSchema schema;

	private static QueueServer a;

	private static QueueServer b;

	@BeforeAll
	static void start() {
		schema = PostgresSchema.create("it_async_cluster");
		Map<String, Object> properties = new java.util.LinkedHashMap<>(schema.properties());
		properties.put("adapter.async.poll-interval", "100ms");
		a = QueueServer.start(properties);
		b = QueueServer.start(properties);
	}

	@AfterAll
	static void stop() {
		a.commands().openGate();
		b.commands().openGate();
		b.close();
		a.close();
		schema.close();
	}

	@Test
	void aCallMadeOnOneNodeIsDeliveredToASubscriberOnTheOther() {
		a.commands().closeGate();
		assertThat(postAsync(a, call("s_gate", "{}"), "X-Deliver-Id", "cluster-1").statusCode()).isEqualTo(202);
		try (WebSocketFrames ws = WebSocketFrames.open(b.uri("/ws"))) {
			ws.send(Map.of("action", "subscribe", "deliver_id", "cluster-1"));
			assertThat(ws.next().path("event").asString()).isEqualTo("subscribed");
			a.commands().openGate();
			JsonNode delivery = ws.nextEvent("delivery");
			assertThat(delivery.path("response").path("result").asString()).isEqualTo("passed");
		}
	}

	@Test
	void anIdTakenOnOneNodeIsTakenOnTheOther() {
		assertThat(postAsync(a, call("echo", "{}"), "X-Deliver-Id", "cluster-2").statusCode()).isEqualTo(202);
		assertThat(postAsync(b, call("echo", "{}"), "X-Deliver-Id", "cluster-2").statusCode()).isEqualTo(400);
	}

}
