package dev.rpcadapter.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's job API ({@code execute}, {@code jobStatus}, {@code listJobs}, ...)
 * against the real server's queue.
 */
class RpcClientJobIntegrationTests {

	private static ConfigurableApplicationContext server;

	private static RpcClient client;

	private static JobTestCommands commands;

	@BeforeAll
	static void start() {
		server = new SpringApplicationBuilder(JobTestApplication.class).web(WebApplicationType.REACTIVE)
			.properties(Map.of("server.port", "0", "spring.main.banner-mode", "off", "logging.level.root", "WARN",
					"adapter.queue.stop-grace-period", "300ms", "adapter.queue.workers", "4"))
			.run();
		int port = ((WebServerApplicationContext) server).getWebServer().getPort();
		client = RpcClient.builder(URI.create("http://127.0.0.1:" + port)).build();
		commands = server.getBean(JobTestCommands.class);
	}

	@AfterAll
	static void stop() {
		commands.openGate();
		client.close();
		server.close();
	}

	@BeforeEach
	void closeGate() {
		commands.closeGate();
	}

	private static ExecuteOptions.Builder options(JobWaitStrategy strategy) {
		ExecuteOptions.Builder builder = ExecuteOptions.builder().timeout(Duration.ofSeconds(20));
		return (strategy == JobWaitStrategy.POLL) ? builder.poll(Duration.ofMillis(50)) : builder.webSocket();
	}

	@ParameterizedTest
	@EnumSource(JobWaitStrategy.class)
	void executeWaitsForTheResultAndReportsProgress(JobWaitStrategy strategy) {
		List<RemoteJob> seen = new CopyOnWriteArrayList<>();
		JsonNode result = client.execute("job_steps", Map.of("steps", 5, "step_ms", 80),
				options(strategy).onStatus(seen::add).build());
		assertThat(result.path("steps").asInt()).isEqualTo(5);
		assertThat(seen).isNotEmpty();
		assertThat(seen).anySatisfy((status) -> assertThat(status.progress()).isBetween(1, 99));
		assertThat(seen.get(seen.size() - 1).state()).isEqualTo(RemoteJobState.COMPLETED);
	}

	@ParameterizedTest
	@EnumSource(JobWaitStrategy.class)
	void failedJobThrowsJobFailedExceptionWithTheJobsError(JobWaitStrategy strategy) {
		assertThatExceptionOfType(JobFailedException.class)
			.isThrownBy(() -> client.execute("job_fail", Map.of("reason", "no disk"), options(strategy).build()))
			.satisfies((ex) -> {
				assertThat(ex.error().code()).isEqualTo(-32000);
				assertThat(ex.error().message()).isEqualTo("Job failed: no disk");
				assertThat(ex.error().data().path("reason").asString()).isEqualTo("no disk");
				assertThat(client.jobStatus(ex.jobId()).state()).isEqualTo(RemoteJobState.FAILED);
			});
	}

	@ParameterizedTest
	@EnumSource(JobWaitStrategy.class)
	void stoppedJobThrowsJobStoppedException(JobWaitStrategy strategy) {
		List<RemoteJob> seen = new CopyOnWriteArrayList<>();
		CompletableFuture<JsonNode> execution = client.executeAsync("job_gate", Map.of(),
				options(strategy).onStatus(seen::add).build());
		String jobId = awaitRunningGateJob();
		JsonNode stopped = client.stopJob(jobId);
		assertThat(stopped.path("status").asString()).isEqualTo("stopped");
		assertThatExceptionOfType(JobStoppedException.class).isThrownBy(() -> join(execution))
			.satisfies((ex) -> assertThat(ex.jobId()).isEqualTo(jobId));
	}

	@ParameterizedTest
	@EnumSource(JobWaitStrategy.class)
	void clientSideTimeoutThrowsJobTimeoutExceptionAndLeavesTheJobRunning(JobWaitStrategy strategy) {
		ExecuteOptions options = options(strategy).timeout(Duration.ofMillis(400)).build();
		assertThatExceptionOfType(JobTimeoutException.class)
			.isThrownBy(() -> client.execute("job_gate", Map.of(), options))
			.satisfies((ex) -> {
				assertThat(client.jobStatus(ex.jobId()).state()).isIn(RemoteJobState.PENDING, RemoteJobState.RUNNING);
				commands.openGate();
				Awaitility.await()
					.atMost(Duration.ofSeconds(10))
					.until(() -> client.jobStatus(ex.jobId()).state() == RemoteJobState.COMPLETED);
			});
	}

	@Test
	void jobStatusListStopAndDelete() {
		JsonNode accepted = client.call("job_echo", Map.of("text", "listed"));
		String jobId = accepted.path("job_id").asString();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.jobStatus(jobId).state().isTerminal());
		RemoteJob status = client.jobStatus(jobId);
		assertThat(status.command()).isEqualTo("job_echo");
		assertThat(status.result().asString()).isEqualTo("listed");
		assertThat(status.createdAt()).isNotNull();
		assertThat(status.finishedAt()).isNotNull();
		client.execute("job_echo", Map.of("text", "second"), options(JobWaitStrategy.POLL).build());
		List<RemoteJob> completed = client.listJobs(RemoteJobState.COMPLETED, "job_echo", 1000, null);
		assertThat(completed).extracting(RemoteJob::jobId).contains(jobId);
		assertThat(completed).allSatisfy((job) -> assertThat(job.state()).isEqualTo(RemoteJobState.COMPLETED));
		assertThat(completed).allSatisfy((job) -> assertThat(job.command()).isEqualTo("job_echo"));
		List<RemoteJob> firstPage = client.listJobs(null, "job_echo", 1, 0);
		List<RemoteJob> secondPage = client.listJobs(null, "job_echo", 1, 1);
		assertThat(firstPage).hasSize(1);
		assertThat(secondPage).hasSize(1);
		assertThat(firstPage.get(0).jobId()).isNotEqualTo(secondPage.get(0).jobId());
		RemoteJobPage page = client.listJobPage(RemoteJobState.COMPLETED, "job_echo", 1, 1);
		assertThat(page.jobs()).hasSize(1);
		assertThat(page.totalCount()).isEqualTo(completed.size());
		assertThat(page.limit()).isEqualTo(1);
		assertThat(page.offset()).isEqualTo(1);
		assertThat(page.hasMore()).isEqualTo(completed.size() > 2);
		assertThat(client.listJobs(RemoteJobState.FAILED, "job_echo", null, null)).isEmpty();
		JsonNode afterStop = client.stopJob(jobId);
		assertThat(afterStop.path("status").asString()).isEqualTo("completed");
		JsonNode deleted = client.deleteJob(jobId);
		assertThat(deleted.path("deleted").asBoolean()).isTrue();
		// a tombstone for the retention period, so a late poller learns "deleted"
		assertThat(client.jobStatus(jobId).state()).isEqualTo(RemoteJobState.DELETED);
		assertThatExceptionOfType(JobNotFoundException.class).isThrownBy(() -> client.jobStatus("no-such-job"));
	}

	@Test
	void unknownJobIdIsJobNotFoundEverywhere() {
		assertThatExceptionOfType(JobNotFoundException.class).isThrownBy(() -> client.jobStatus("no-such-job"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-32004));
		assertThatExceptionOfType(JobNotFoundException.class).isThrownBy(() -> client.stopJob("no-such-job"));
		assertThatExceptionOfType(JobNotFoundException.class).isThrownBy(() -> client.deleteJob("no-such-job"));
	}

	private static String awaitRunningGateJob() {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> client.listJobs(RemoteJobState.RUNNING, "job_gate", 1, 0), (jobs) -> !jobs.isEmpty())
			.get(0)
			.jobId();
	}

	private static JsonNode join(CompletableFuture<JsonNode> future) {
		try {
			return future.join();
		}
		catch (java.util.concurrent.CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

}
