package dev.rpcadapter.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

import dev.rpcadapter.testserver.TestServerApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A queued command of a registered server, driven entirely through the proxy's
 * {@code call_server}: queued, polled to its result, and stopped while it runs.
 */
class ProxyQueuedJobIntegrationTests {

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private int proxy;

	@BeforeEach
	void startProxyAndServer() {
		ProxyIntegrationTests proxies = new ProxyIntegrationTests();
		ConfigurableApplicationContext proxyContext = proxies.proxy();
		this.contexts.add(proxyContext);
		this.proxy = ProxyIntegrationTests.port(proxyContext);
		this.contexts.add(TestServerApplication.run(ProxyIntegrationTests.registration(this.proxy, "alpha")));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> ProxyIntegrationTests.ids(rpc("list_servers", "{}").get("result")).contains("alpha"));
	}

	@AfterEach
	void close() {
		for (int i = this.contexts.size() - 1; i >= 0; i--) {
			this.contexts.get(i).close();
		}
	}

	@Test
	void queuedCommandCalledThroughTheProxyIsPendingThenCompletesWithItsResult() throws Exception {
		JsonNode queued = callServer("count_to", "{\"n\":5}").get("result");

		assertThat(queued.get("status").asString()).isEqualTo("pending");
		String jobId = queued.get("job_id").asString();
		assertThat(jobId).isNotBlank();
		Set<Integer> progressSeen = new ConcurrentSkipListSet<>();
		JsonNode done = await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> jobStatus(jobId), (job) -> {
				progressSeen.add(job.get("progress").asInt());
				return "completed".equals(job.get("status").asString());
			});
		assertThat(done.get("job_id").asString()).isEqualTo(jobId);
		assertThat(done.get("command").asString()).isEqualTo("count_to");
		assertThat(done.get("result").get("counted").asInt()).isEqualTo(5);
		assertThat(done.get("progress").asInt()).isEqualTo(100);
		assertThat(done.get("description").asString()).isEqualTo("counted 5 of 5");
		assertThat(progressSeen).allMatch((percent) -> percent >= 0 && percent <= 100).contains(100);
	}

	@Test
	void runningJobIsStoppedThroughTheProxy() throws Exception {
		String jobId = callServer("wait_for_stop", "{}").get("result").get("job_id").asString();
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> jobStatus(jobId), (job) -> "running".equals(job.get("status").asString())
					&& "waiting for a stop".equals(job.get("description").asString()));

		JsonNode stop = callServer("queue_stop_job", "{\"job_id\":\"" + jobId + "\"}").get("result");

		assertThat(stop.get("job_id").asString()).isEqualTo(jobId);
		assertThat(stop.get("stop_requested").asBoolean()).isTrue();
		JsonNode stopped = await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> jobStatus(jobId), (job) -> job.get("status").asString().equals("stopped"));
		assertThat(stopped.get("command").asString()).isEqualTo("wait_for_stop");
		assertThat(stopped.has("error")).as("a honoured stop is no failure").isFalse();
	}

	private JsonNode jobStatus(String jobId) throws Exception {
		JsonNode answer = callServer("queue_get_job_status", "{\"job_id\":\"" + jobId + "\"}");
		assertThat(answer.has("error")).as("queue_get_job_status through the proxy: %s", answer).isFalse();
		return answer.get("result");
	}

	private JsonNode callServer(String command, String params) throws Exception {
		return rpc("call_server",
				"{\"server_id\":\"alpha\",\"command\":\"" + command + "\",\"params\":" + params + "}");
	}

	private JsonNode rpc(String method, String params) throws Exception {
		return ProxyIntegrationTests.rpc(this.proxy, method, params);
	}

}
