package dev.rpcadapter.demo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.rpcadapter.client.ExecuteOptions;
import dev.rpcadapter.client.RemoteJobState;
import dev.rpcadapter.client.RemoteJob;
import dev.rpcadapter.client.RpcClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's queued commands, as the README shows them: chunk runs to completion,
 * long_task is stopped.
 */
class DemoQueueIntegrationTests {

	private ConfigurableApplicationContext server;

	private RpcClient client;

	@BeforeEach
	void start() {
		this.server = SpringApplication.run(DemoServerApplication.class, "--server.port=0",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--adapter.queue.sync-cap=500ms");
		int port = ((WebServerApplicationContext) this.server).getWebServer().getPort();
		this.client = RpcClient.builder(URI.create("http://127.0.0.1:" + port)).build();
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.close();
	}

	@Test
	void chunkRunsToCompletion() {
		JsonNode result = this.client.execute("chunk",
				Map.of("text", "One. Two! Three? Four. Five. Six. Seven.", "window", 3),
				ExecuteOptions.builder().poll(Duration.ofMillis(50)).timeout(Duration.ofSeconds(20)).build());
		assertThat(result.path("count").asInt()).isEqualTo(3);
		assertThat(result.path("chunks").get(0).asString()).isEqualTo("One. Two! Three?");
		assertThat(result.path("chunks").get(2).asString()).isEqualTo("Seven.");
	}

	@Test
	void sleepPastTheSyncCapIsHandedToTheQueueAndLogs() {
		JsonNode answer = this.client.call("sleep", Map.of("seconds", 2));
		assertThat(answer.path("queued_after_timeout").asBoolean()).as(answer.toString()).isTrue();
		String jobId = answer.path("job_id").asString();
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.client.jobStatus(jobId).state() == RemoteJobState.COMPLETED);
		JsonNode logs = this.client.jobLogs(jobId, 0, 100);
		assertThat(logs.path("lines").get(0).path("message").asString()).isEqualTo("slept 1 s");
		assertThat(this.client.call("sleep", Map.of("seconds", 0)).path("seconds").asDouble()).isZero();
	}

	@Test
	void longTaskCanBeStopped() {
		JsonNode accepted = this.client.call("long_task", Map.of("seconds", 60, "steps", 600));
		String jobId = accepted.path("job_id").asString();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> this.client.jobStatus(jobId).progress() > 0);
		JsonNode stopped = this.client.stopJob(jobId);
		assertThat(stopped.path("status").asString()).isEqualTo("stopped");
		RemoteJob status = this.client.jobStatus(jobId);
		assertThat(status.state()).isEqualTo(RemoteJobState.STOPPED);
		assertThat(status.progress()).isBetween(1, 99);
		assertThat(this.client.listJobs(RemoteJobState.STOPPED, "long_task", 10, 0)).extracting(RemoteJob::jobId)
			.contains(jobId);
	}

}
