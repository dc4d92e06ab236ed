package dev.rpcadapter.autoconfigure.observation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import brave.handler.MutableSpan;
import dev.rpcadapter.autoconfigure.observation.TracingTestApplication.Spans;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A running server with Boot's Brave tracing: the caller's {@code traceparent} is
 * continued by the call's span and by the span of the job the call submitted.
 */
class TracingIntegrationTests {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	private static final String TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static ConfigurableApplicationContext server;

	private static URI base;

	@BeforeAll
	static void start() {
		server = new SpringApplicationBuilder(TracingTestApplication.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN",
					"management.tracing.sampling.probability=1.0", "adapter.queue.poll-interval=100ms")
			.run();
		base = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort());
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private static JsonNode call(String method, String traceparent) throws Exception {
		String body = "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":{\"text\":\"hi\"},\"id\":1}";
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/jsonrpc"))
			.header("Content-Type", "application/json")
			.header("traceparent", traceparent)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static MutableSpan awaitSpan(String name, String traceId) {
		List<MutableSpan> finished = server.getBean(Spans.class).finished;
		await().atMost(Duration.ofSeconds(10))
			.until(() -> finished.stream().anyMatch((s) -> name.equals(s.name()) && traceId.equals(s.traceId())));
		return finished.stream().filter((s) -> name.equals(s.name()) && traceId.equals(s.traceId())).findFirst().get();
	}

	@Test
	void aCallContinuesTheCallersTrace() throws Exception {
		assertThat(call("t_echo", TRACEPARENT).path("result").asString()).isEqualTo("hi");
		MutableSpan span = awaitSpan("jsonrpc t_echo", TRACE_ID);
		assertThat(span.parentId()).isEqualTo("b7ad6b7169203331");
		assertThat(span.tags()).containsEntry("command", "t_echo")
			.containsEntry("transport", "http")
			.containsEntry("outcome", "success");
		assertThat(server.getBean(MeterRegistry.class)
			.find("rpc.adapter.call")
			.tags("command", "t_echo", "outcome", "success")
			.timer()).isNotNull();
	}

	@Test
	void aQueuedCommandsJobContinuesTheTraceOfTheCallThatSubmittedIt() throws Exception {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		JsonNode accepted = call("t_job", "00-" + traceId + "-00f067aa0ba902b7-01").path("result");
		assertThat(accepted.path("status").asString()).isEqualTo("pending");
		MutableSpan callSpan = awaitSpan("jsonrpc t_job", traceId);
		MutableSpan submit = awaitSpan("submit t_job", traceId);
		MutableSpan job = awaitSpan("job t_job", traceId);
		assertThat(submit.parentId()).isEqualTo(callSpan.id());
		assertThat(job.parentId()).isEqualTo(submit.id());
		assertThat(job.tags()).containsEntry("command", "t_job").containsEntry("outcome", "completed");
	}

	@Test
	void theServletTransportContinuesTheCallersTraceToo() throws Exception {
		try (ConfigurableApplicationContext servlet = new SpringApplicationBuilder(TracingTestApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN",
					"management.tracing.sampling.probability=1.0")
			.run()) {
			int port = ((WebServerApplicationContext) servlet).getWebServer().getPort();
			String traceId = "5af7651916cd43dd8448eb211c80319d";
			String body = "{\"jsonrpc\":\"2.0\",\"method\":\"t_echo\",\"params\":{\"text\":\"hi\"},\"id\":1}";
			HttpResponse<String> response = HTTP
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/jsonrpc"))
					.header("Content-Type", "application/json")
					.header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(JSON.readTree(response.body()).path("result").asString()).as(response.body()).isEqualTo("hi");
			List<MutableSpan> finished = servlet.getBean(Spans.class).finished;
			await().atMost(Duration.ofSeconds(10))
				.until(() -> finished.stream()
					.anyMatch((s) -> "jsonrpc t_echo".equals(s.name()) && traceId.equals(s.traceId())));
		}
	}

}
