package dev.rpcadapter.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rpcadapter.client.ScriptedServer.Reply;
import dev.rpcadapter.client.ScriptedServer.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code execute} and the job helpers over real HTTP against a {@link ScriptedServer}
 * that plays a queue: the command answers with a job envelope, status polls walk through
 * states.
 */
class DefaultRpcClientJobTests {

	private static final String ENVELOPE = "{\"job_id\":\"j1\",\"status\":\"pending\",\"command\":\"chunk\","
			+ "\"poll_with\":\"queue_get_job_status\"}";

	private static final ExecuteOptions FAST = ExecuteOptions.builder().poll(Duration.ofMillis(10)).build();

	private ScriptedServer server;

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void executeReturnsResultOfNonQueuedCommandDirectly() throws Exception {
		try (RpcClient client = client(queue(List.of()))) {
			assertThat(client.execute("echo", Map.of("text", "hi"), FAST).stringValue()).isEqualTo("direct");
		}
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void executePollsQueuedJobUntilCompletedAndReportsEachStatus() throws Exception {
		List<RemoteJob> seen = new CopyOnWriteArrayList<>();
		ExecuteOptions options = ExecuteOptions.builder().poll(Duration.ofMillis(10)).onStatus(seen::add).build();
		try (RpcClient client = client(queue(
				List.of(job("running", ""), job("running", ""), job("completed", ",\"result\":[\"a\",\"b\"]"))))) {
			JsonNode result = client.execute("chunk", Map.of("text", "ab"), options);
			assertThat(result.get(0).stringValue()).isEqualTo("a");
		}
		assertThat(seen).extracting(RemoteJob::state)
			.containsExactly(RemoteJobState.RUNNING, RemoteJobState.RUNNING, RemoteJobState.COMPLETED);
		Request poll = this.server.requests().get(1);
		assertThat(poll.body().path("method").stringValue()).isEqualTo("queue_get_job_status");
		assertThat(poll.body().path("params").path("job_id").stringValue()).isEqualTo("j1");
	}

	@Test
	void executeThrowsJobFailedWithTheJobsErrorObject() throws Exception {
		try (RpcClient client = client(
				queue(List.of(job("failed", ",\"error\":{\"code\":-32000,\"message\":\"bad input\"}"))))) {
			assertThatExceptionOfType(JobFailedException.class).isThrownBy(() -> client.execute("chunk", null, FAST))
				.satisfies((ex) -> assertThat(ex.jobId()).isEqualTo("j1"))
				.satisfies((ex) -> assertThat(ex.error().code()).isEqualTo(-32000))
				.satisfies((ex) -> assertThat(ex.error().message()).isEqualTo("bad input"));
		}
	}

	@Test
	void executeThrowsJobStoppedWhenJobWasStopped() throws Exception {
		try (RpcClient client = client(queue(List.of(job("stopped", ""))))) {
			assertThatExceptionOfType(JobStoppedException.class).isThrownBy(() -> client.execute("chunk", null, FAST));
		}
	}

	@Test
	void executeGivesUpAfterTimeoutWithLastStatus() throws Exception {
		ExecuteOptions options = ExecuteOptions.builder()
			.poll(Duration.ofMillis(10))
			.timeout(Duration.ofMillis(150))
			.build();
		try (RpcClient client = client(queue(List.of(job("running", ""))))) {
			assertThatExceptionOfType(JobTimeoutException.class)
				.isThrownBy(() -> client.execute("chunk", null, options))
				.satisfies((ex) -> assertThat(ex.lastStatus()).map(RemoteJob::state).contains(RemoteJobState.RUNNING));
		}
	}

	@Test
	void listJobsSendsExactlyTheServersParamNames() throws Exception {
		try (RpcClient client = client((request) -> Reply.result(request, "{\"jobs\":[" + job("running", "") + "]}"))) {
			List<RemoteJob> jobs = client.listJobs(RemoteJobState.RUNNING, "chunk", 10, 20);
			assertThat(jobs).extracting(RemoteJob::jobId).containsExactly("j1");
		}
		JsonNode request = this.server.requests().get(0).body();
		assertThat(request.path("method").stringValue()).isEqualTo("queue_list_jobs");
		assertThat(request.path("params").propertyNames()).containsExactly("status_filter", "command", "limit",
				"offset");
		assertThat(request.path("params").path("status_filter").stringValue()).isEqualTo("running");
	}

	@Test
	void listJobPageCarriesTheServersPaging() throws Exception {
		try (RpcClient client = client((request) -> Reply.result(request,
				"{\"jobs\":[" + job("completed", "") + "],\"total_count\":7,\"limit\":1,\"offset\":3}"))) {
			RemoteJobPage page = client.listJobPage(RemoteJobState.COMPLETED, null, 1, 3);

			assertThat(page.jobs()).extracting(RemoteJob::jobId).containsExactly("j1");
			assertThat(page.totalCount()).isEqualTo(7);
			assertThat(page.limit()).isEqualTo(1);
			assertThat(page.offset()).isEqualTo(3);
			assertThat(page.hasMore()).isTrue();
		}
	}

	@Test
	void listJobsOmitsUnsetParams() throws Exception {
		try (RpcClient client = client((request) -> Reply.result(request, "[]"))) {
			assertThat(client.listJobs(null, null, null, null)).isEmpty();
		}
		assertThat(this.server.requests().get(0).body().path("params").isEmpty()).isTrue();
	}

	@Test
	void stopAndDeleteJobCallQueueMethodsWithJobId() throws Exception {
		try (RpcClient client = client((request) -> Reply.result(request, "{}"))) {
			client.stopJob("j1");
			client.deleteJob("j1");
		}
		assertThat(this.server.requests()).extracting((request) -> request.body().path("method").stringValue())
			.containsExactly("queue_stop_job", "queue_delete_job");
		assertThat(this.server.requests().get(1).body().path("params").path("job_id").stringValue()).isEqualTo("j1");
	}

	private RpcClient client(java.util.function.Function<Request, Reply> script) throws Exception {
		this.server = ScriptedServer.http(script);
		return RpcClient.builder(this.server.baseUrl()).build();
	}

	/**
	 * Answers "chunk" with an envelope, "echo" directly, and status polls from the list
	 * (last repeats).
	 */
	private static java.util.function.Function<Request, Reply> queue(List<String> statuses) {
		AtomicInteger polls = new AtomicInteger();
		return (request) -> switch (request.body().path("method").stringValue()) {
			case "chunk" -> Reply.result(request, ENVELOPE);
			case "queue_get_job_status" ->
				Reply.result(request, statuses.get(Math.min(polls.getAndIncrement(), statuses.size() - 1)));
			default -> Reply.result(request, "\"direct\"");
		};
	}

	private static String job(String status, String extra) {
		return "{\"job_id\":\"j1\",\"command\":\"chunk\",\"status\":\"" + status + "\",\"progress\":50,"
				+ "\"description\":\"working\",\"created_at\":\"2026-01-01T00:00:00Z\"" + extra + "}";
	}

}
