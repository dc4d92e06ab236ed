package dev.rpcadapter.autoconfigure.queue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed adapter's clients, with {@code adapter.jsonrpc.result-format: envelope}: the
 * exact bodies they send, and the shapes they read (seed inventory §1.3, §1.6, §2.5,
 * §3.2, §3.4).
 */
class SeedClientCompatibilityIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static QueueServer server;

	@BeforeAll
	static void start() {
		server = QueueServer.start(Map.of("adapter.jsonrpc.result-format", "envelope", "adapter.info.name",
				"seed-compat", "adapter.info.version", "1.2.3"));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private static JsonNode post(String body) {
		return server.post("/api/jsonrpc", JSON.readTree(body));
	}

	@Test
	void queuedCallAnswersTheSeedsQueuedEnvelope() {
		JsonNode result = post(
				"{\"jsonrpc\": \"2.0\", \"method\": \"q_echo\", \"params\": {\"text\": \"hi\"}, \"id\": 1}")
			.get("result");
		assertThat(result.get("success").asBoolean()).isTrue();
		assertThat(result.get("job_id").asString()).isNotEmpty();
		assertThat(result.get("status").asString()).isEqualTo("pending");
		assertThat(result.get("message").asString()).isEqualTo("Command 'q_echo' has been queued for execution");
		assertThat(result.has("data")).isFalse();
	}

	@Test
	void jobStatusKeepsQueueStateAndTheCommandsOwnEnvelopeApart() {
		String jobId = post("{\"jsonrpc\": \"2.0\", \"method\": \"q_echo\", \"params\": {\"text\": \"hi\"}, \"id\": 1}")
			.at("/result/job_id")
			.asString();
		JsonNode data = awaitCompleted(
				"{\"jsonrpc\": \"2.0\", \"method\": \"queue_get_job_status\", \"params\": {\"job_id\": \"" + jobId
						+ "\"}, \"id\": 2}");
		assertThat(data.get("job_id").asString()).isEqualTo(jobId);
		assertThat(data.get("progress").asInt()).isEqualTo(100);
		assertThat(data.has("description")).isTrue();
		assertThat(data.get("result")).isEqualTo(JSON.readTree("{\"success\": true, \"data\": \"hi\"}"));
		// the seed's simplified form with a top-level job_id reads the same
		JsonNode simplified = post("{\"command\": \"queue_get_job_status\", \"job_id\": \"" + jobId + "\"}")
			.get("result");
		assertThat(simplified.get("success").asBoolean()).isTrue();
		assertThat(simplified.at("/data/result/data").asString()).isEqualTo("hi");
	}

	private static JsonNode awaitCompleted(String statusRequest) {
		AtomicReference<JsonNode> data = new AtomicReference<>();
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25)).untilAsserted(() -> {
			JsonNode result = post(statusRequest).get("result");
			assertThat(result.get("success").asBoolean()).isTrue();
			data.set(result.get("data"));
			assertThat(data.get().get("status").asString()).isEqualTo("completed");
		});
		return data.get();
	}

	@Test
	void seedWaitingParamsAreAcceptedAndNotBound() {
		JsonNode result = post("{\"jsonrpc\": \"2.0\", \"method\": \"q_echo\", \"params\": {\"text\": \"hi\", "
				+ "\"poll_interval\": 1.0, \"max_wait_time\": 30}, \"id\": 3}")
			.get("result");
		assertThat(result.get("success").asBoolean()).as(result.toString()).isTrue();
		assertThat(result.get("job_id").asString()).isNotEmpty();
		JsonNode echo = post("{\"jsonrpc\": \"2.0\", \"method\": \"help\", \"params\": {\"poll_interval\": 0.5}, "
				+ "\"poll_interval\": 0.5, \"max_wait_time\": 10, \"id\": 4}")
			.get("result");
		assertThat(echo.get("success").asBoolean()).as(echo.toString()).isTrue();
	}

	@Test
	void healthCarriesTheSeedsFields() {
		JsonNode health = JSON.readTree(server.get("/health").body());
		assertThat(health.get("model").asString()).isEqualTo("seed-compat");
		assertThat(health.get("version").asString()).isEqualTo("1.2.3");
		assertThat(health.get("uptime").isNumber()).isTrue();
		JsonNode components = health.get("components");
		assertThat(components.at("/system/java_version").asString()).isNotEmpty();
		assertThat(components.at("/system/platform").asString()).isNotEmpty();
		assertThat(components.at("/system/cpu_count").asInt()).isPositive();
		assertThat(components.at("/process/pid").asLong()).isEqualTo(ProcessHandle.current().pid());
		assertThat(components.at("/process/memory_usage_mb").isNumber()).isTrue();
		assertThat(components.at("/process/start_time").asString()).endsWith("Z");
		assertThat(components.at("/commands/registered_count").asInt()).isPositive();
	}

	@Test
	void helpWithoutArgumentsListsTheSeedsFields() {
		JsonNode data = post("{\"jsonrpc\": \"2.0\", \"method\": \"help\", \"id\": 5}").at("/result/data");
		assertThat(data.at("/tool_info/name").asString()).isEqualTo("seed-compat");
		assertThat(data.at("/tool_info/version").asString()).isEqualTo("1.2.3");
		assertThat(data.at("/tool_info/description").isString()).isTrue();
		assertThat(data.get("help_usage").isObject()).isTrue();
		JsonNode echo = data.at("/commands/q_echo");
		assertThat(echo.get("name").asString()).isEqualTo("q_echo");
		assertThat(echo.get("description").asString()).isEqualTo("Echo text as a job");
		assertThat(echo.get("type").asString()).isEqualTo("custom");
		assertThat(echo.at("/schema/properties/text").isObject()).isTrue();
		assertThat(echo.get("params_count").asInt()).isEqualTo(1);
		assertThat(echo.get("queued").asBoolean()).isTrue();
		assertThat(data.at("/commands/help/type").asString()).isEqualTo("builtin");
	}

}
