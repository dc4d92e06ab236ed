package dev.rpcadapter.autoconfigure.queue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /health} reports the queue down when its PostgreSQL goes away (a TCP proxy that
 * is closed).
 */
class QueueJdbcHealthIntegrationTests {

	@Test
	void healthIsDownWhenTheDatabaseIsUnreachable() throws Exception {
		URI database = URI.create(PostgresSchema.URL.substring("jdbc:".length()));
		try (PostgresSchema schema = PostgresSchema.create("it_queue_health");
				TcpProxy proxy = new TcpProxy(database.getHost(), database.getPort())) {
			Map<String, Object> properties = new LinkedHashMap<>(schema.properties(proxy.port()));
			properties.put("spring.datasource.hikari.connection-timeout", "500");
			properties.put("spring.datasource.hikari.validation-timeout", "250");
			properties.put("logging.level.org.quartz", "OFF");
			properties.put("logging.level.com.zaxxer", "OFF");
			properties.put("logging.level.dev.rpcadapter.queue", "OFF");
			try (QueueServer server = QueueServer.start(properties)) {
				HttpResponse<String> up = server.get("/health");
				assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
				JsonNode queue = QueueServer.JSON.readTree(up.body()).path("components").path("queue");
				assertThat(queue.path("status").asString()).isEqualTo("ok");
				assertThat(queue.toString()).contains("jdbc");
				proxy.close();
				Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
					HttpResponse<String> down = server.get("/health");
					assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
					JsonNode body = QueueServer.JSON.readTree(down.body());
					assertThat(body.path("status").asString()).isEqualTo("down");
					assertThat(body.path("components").path("queue").path("status").asString()).isEqualTo("down");
				});
			}
		}
	}

}
