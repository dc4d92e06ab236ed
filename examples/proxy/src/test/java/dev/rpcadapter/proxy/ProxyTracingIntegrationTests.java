package dev.rpcadapter.proxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import dev.rpcadapter.testserver.TestServerApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The proxy and a server with Boot's Brave tracing: a call to the proxy with a
 * {@code traceparent} reaches the server in the same trace (the proxy's forward span is
 * the parent of the server's call span).
 */
class ProxyTracingIntegrationTests {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@AfterEach
	void close() {
		for (int i = this.contexts.size() - 1; i >= 0; i--) {
			this.contexts.get(i).close();
		}
	}

	@Test
	void aForwardedCallContinuesTheCallersTraceOnTheServer() throws Exception {
		ConfigurableApplicationContext proxyContext = new ProxyIntegrationTests()
			.proxy("management.tracing.sampling.probability=1.0");
		this.contexts.add(proxyContext);
		int proxy = ProxyIntegrationTests.port(proxyContext);
		ConfigurableApplicationContext server = new SpringApplicationBuilder(TestServerApplication.class,
				SpanCollector.class)
			.web(WebApplicationType.REACTIVE)
			.properties("spring.config.name=test-server")
			.run(TestServerApplication
				.args(List.of("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
						"adapter.registration.heartbeat-interval=200ms", "management.tracing.sampling.probability=1.0"),
						ProxyIntegrationTests.registration(proxy, "alpha")));
		this.contexts.add(server);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> ProxyIntegrationTests
				.ids(ProxyIntegrationTests.json
					.readTree(ProxyIntegrationTests.send(proxy, "/list", null, ProxyIntegrationTests.CLIENT).body()))
				.contains("alpha"));

		String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"call_server\",\"params\":"
				+ "{\"server_id\":\"alpha\",\"command\":\"add\",\"params\":{\"a\":2,\"b\":3}}}";
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy + "/api/jsonrpc"))
				.header("Content-Type", "application/json")
				.header("X-API-Key", ProxyIntegrationTests.CLIENT)
				.header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode answer = ProxyIntegrationTests.json.readTree(response.body());

		assertThat(answer.path("result").asInt()).isEqualTo(5);
		List<MutableSpan> spans = server.getBean(SpanCollector.class).finished;
		await().atMost(Duration.ofSeconds(5))
			.until(() -> spans.stream()
				.anyMatch((s) -> "jsonrpc add".equals(s.name()) && TRACE_ID.equals(s.traceId())));
	}

	/**
	 * Keeps the server's finished spans (the configuration is itself the span handler
	 * bean).
	 */
	@Configuration(proxyBeanMethods = false)
	static class SpanCollector extends SpanHandler {

		final List<MutableSpan> finished = new CopyOnWriteArrayList<>();

		@Override
		public boolean end(TraceContext context, MutableSpan span, Cause cause) {
			this.finished.add(span);
			return true;
		}

	}

}
