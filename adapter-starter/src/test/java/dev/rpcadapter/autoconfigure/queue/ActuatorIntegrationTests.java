package dev.rpcadapter.autoconfigure.queue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter in Spring Boot Actuator on a running server: its components in
 * {@code /actuator/health} (also in the readiness group when configured), and
 * {@code /actuator/info}; the seed's {@code /health} body is unchanged beside them.
 */
class ActuatorIntegrationTests {

	private static QueueServer server;

	@BeforeAll
	static void start() {
		server = QueueServer.start(Map.of("management.endpoints.web.exposure.include", "health,info",
				"management.endpoint.health.show-details", "always", "management.endpoint.health.show-components",
				"always", "management.endpoint.health.probes.enabled", "true",
				"management.endpoint.health.group.readiness.include", "readinessState,rpcAdapter"));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void theQueueIsAHealthComponentOfTheActuator() {
		JsonNode health = QueueServer.JSON.readTree(server.get("/actuator/health").body());

		assertThat(health.path("status").asString()).isEqualTo("UP");
		JsonNode queue = health.path("components").path("rpcAdapter").path("components").path("queue");
		assertThat(queue.path("status").asString()).isEqualTo("UP");
		assertThat(queue.path("details").has("store")).as(queue.toString()).isTrue();
	}

	@Test
	void theReadinessGroupCanIncludeTheAdapter() {
		JsonNode readiness = QueueServer.JSON.readTree(server.get("/actuator/health/readiness").body());

		assertThat(readiness.path("status").asString()).isEqualTo("UP");
		assertThat(readiness.path("components").has("rpcAdapter")).as(readiness.toString()).isTrue();
	}

	@Test
	void infoDescribesTheAdapter() {
		JsonNode info = QueueServer.JSON.readTree(server.get("/actuator/info").body()).path("rpc-adapter");

		assertThat(info.path("commands").asInt()).isPositive();
		assertThat(info.path("components").toString()).contains("queue");
	}

	@Test
	void theSeedHealthBodyStaysAsItWas() {
		JsonNode health = QueueServer.JSON.readTree(server.get("/health").body());

		assertThat(health.path("status").asString()).isEqualTo("ok");
		assertThat(health.path("components").has("queue")).isTrue();
	}

}
