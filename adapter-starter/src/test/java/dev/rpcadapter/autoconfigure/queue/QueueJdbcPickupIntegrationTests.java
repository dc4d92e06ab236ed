package dev.rpcadapter.autoconfigure.queue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job submitted to an idle node of the JDBC store starts at once, not after Quartz's
 * {@code idleWaitTime} (the starter's default of 5 s is kept here on purpose).
 */
class QueueJdbcPickupIntegrationTests {

	@Test
	void jobSubmittedToAnIdleNodeStartsWithoutWaitingForTheIdlePoll() {
		try (PostgresSchema schema = PostgresSchema.create("it_queue_pickup")) {
			Map<String, Object> properties = new LinkedHashMap<>(schema.properties());
			properties.remove("spring.quartz.properties.org.quartz.scheduler.idleWaitTime");
			try (QueueServer server = QueueServer.start(properties)) {
				server.awaitStatus(server.submit("q_echo", Map.of("text", "warm-up")), "completed");
				for (int i = 0; i < 10; i++) {
					long start = System.nanoTime();
					server.awaitStatus(server.submit("q_echo", Map.of("text", "now")), "completed");
					assertThat(Duration.ofNanos(System.nanoTime() - start)).as("submit %d to completed", i)
						.isLessThan(Duration.ofMillis(2500));
				}
			}
		}
	}

}
