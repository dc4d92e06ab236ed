package dev.rpcadapter.autoconfigure.queue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.rpcadapter.test.TestServers;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server ({@link QueueTestApplication}) on a random port, and the HTTP calls the
 * queue integration tests make to it with the JDK's {@link HttpClient}.
 */
final class QueueServer implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ConfigurableApplicationContext context;

	private final URI base;

	private QueueServer(ConfigurableApplicationContext context) {
		this.context = context;
		this.base = TestServers.httpUrl(context);
	}

	/**
	 * Starts a server; {@code properties} override the test defaults (fast polls, short
	 * stop grace).
	 */
	static QueueServer start(Map<String, Object> properties) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("adapter.queue.poll-interval", "100ms");
		all.put("adapter.queue.stop-grace-period", "300ms");
		all.put("adapter.queue.workers", "2");
		all.putAll(properties);
		// the test application.properties excludes DataSourceAutoConfiguration; a test
		// with a database lifts that
		String[] args = properties.containsKey("spring.datasource.url")
				? new String[] { "--spring.autoconfigure.exclude=" } : new String[0];
		return new QueueServer(TestServers.start(QueueTestApplication.class, all, args));
	}

	URI uri(String path) {
		return this.base.resolve(path);
	}

	QueueTestCommands commands() {
		return this.context.getBean(QueueTestCommands.class);
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	/**
	 * POSTs a JSON-RPC request with id 1 to /api/jsonrpc and returns the whole response.
	 */
	JsonNode rpc(String method, Object params) {
		ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method).put("id", 1);
		request.set("params", JSON.valueToTree(params));
		return post("/api/jsonrpc", request);
	}

	/** The result of a JSON-RPC call that must succeed. */
	JsonNode result(String method, Object params) {
		JsonNode response = rpc(method, params);
		assertThat(response.has("error")).as("error in %s", response).isFalse();
		return response.get("result");
	}

	/** The error of a JSON-RPC call that must fail. */
	JsonNode error(String method, Object params) {
		JsonNode response = rpc(method, params);
		assertThat(response.has("error")).as("error in %s", response).isTrue();
		return response.get("error");
	}

	JsonNode post(String path, Object body) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Submits a queued command and checks the immediate job answer; returns the job id.
	 */
	String submit(String command, Object params) {
		JsonNode accepted = result(command, params);
		assertThat(accepted.path("status").asString()).isEqualTo("pending");
		assertThat(accepted.path("command").asString()).isEqualTo(command);
		assertThat(accepted.path("poll_with").asString()).isEqualTo("queue_get_job_status");
		return accepted.path("job_id").asString();
	}

	JsonNode status(String jobId) {
		return result("queue_get_job_status", Map.of("job_id", jobId));
	}

	/**
	 * Polls {@code queue_get_job_status} until the job is in one of {@code states};
	 * returns the job.
	 */
	JsonNode awaitStatus(String jobId, String... states) {
		AtomicReference<JsonNode> last = new AtomicReference<>();
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25)).untilAsserted(() -> {
			last.set(status(jobId));
			assertThat(last.get().path("status").asString()).isIn((Object[]) states);
		});
		return last.get();
	}

	/** Whether a terminal state was reached, for {@code awaitStatus(id, TERMINAL)}. */
	static final String[] TERMINAL = Set.of("completed", "failed", "stopped").toArray(String[]::new);

	@Override
	public void close() {
		this.context.close();
	}

}
