package dev.rpcadapter.demo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import dev.rpcadapter.client.ExecuteOptions;
import dev.rpcadapter.client.RpcClient;
import dev.rpcadapter.test.JdbcTarget;
import dev.rpcadapter.test.TestPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's {@code postgres} profile: jobs in the local PostgreSQL
 * ({@code ADAPTER_DEMO_JDBC_URL}).
 */
class DemoPostgresProfileIntegrationTests {

	@Test
	void postgresProfileRunsJobsFromTheJdbcStore() {
		JdbcTarget database = TestPostgres.get();
		try (ConfigurableApplicationContext server = SpringApplication.run(DemoServerApplication.class,
				"--spring.profiles.active=postgres", "--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + Objects.toString(database.password(), ""))) {
			int port = ((WebServerApplicationContext) server).getWebServer().getPort();
			try (RpcClient client = RpcClient.builder(URI.create("http://127.0.0.1:" + port)).build()) {
				JsonNode result = client.execute("chunk", Map.of("text", "A. B. C.", "window", 2),
						ExecuteOptions.builder().poll(Duration.ofMillis(50)).timeout(Duration.ofSeconds(20)).build());
				assertThat(result.path("count").asInt()).isEqualTo(2);
				JsonNode health = client.call("queue_health", Map.of());
				assertThat(health.path("store").asString()).isEqualTo("jdbc");
				assertThat(health.path("status").asString()).isEqualTo("ok");
			}
		}
	}

}
