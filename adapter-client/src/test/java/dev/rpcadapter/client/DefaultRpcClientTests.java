package dev.rpcadapter.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import dev.rpcadapter.client.ScriptedServer.Reply;
import dev.rpcadapter.client.ScriptedServer.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client over real HTTP against a {@link ScriptedServer}.
 */
class DefaultRpcClientTests {

	private ScriptedServer server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void callSendsJsonRpcRequestWithApiKeyAndReturnsResult() throws Exception {
		try (RpcClient client = client((request) -> Reply.result(request, "19"), (builder) -> builder.apiKey("k1"))) {
			assertThat(client.call("subtract", Map.of("minuend", 42, "subtrahend", 23), Integer.class)).isEqualTo(19);
		}
		Request request = this.server.requests().get(0);
		assertThat(request.path()).isEqualTo("/api/jsonrpc");
		assertThat(request.header("X-API-Key")).isEqualTo("k1");
		assertThat(request.header("Authorization")).isNull();
		assertThat(request.body().path("jsonrpc").stringValue()).isEqualTo("2.0");
		assertThat(request.body().path("method").stringValue()).isEqualTo("subtract");
		assertThat(request.body().path("params").path("minuend").asInt()).isEqualTo(42);
		assertThat(request.body().path("id").isNumber()).isTrue();
	}

	@Test
	void requestHeadersAreAskedForEachRequestToCarryTheTraceContext() throws Exception {
		java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
		try (RpcClient client = client((request) -> Reply.result(request, "1"),
				(builder) -> builder
					.requestHeaders(() -> Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-00000000000000"
							+ String.format("%02x", asked.incrementAndGet()) + "-01")))) {
			client.call("one", Map.of(), Integer.class);
			client.call("two", Map.of(), Integer.class);
		}
		assertThat(this.server.requests()).extracting((request) -> request.header("traceparent"))
			.containsExactly("00-0af7651916cd43dd8448eb211c80319c-0000000000000001-01",
					"00-0af7651916cd43dd8448eb211c80319c-0000000000000002-01");
	}

	@Test
	void callSendsBearerTokenAndPositionalParamsToConfiguredPath() throws Exception {
		try (RpcClient client = client((request) -> Reply.result(request, "[1,2]"),
				(builder) -> builder.bearerToken("t1").jsonRpcPath("/rpc"))) {
			List<Integer> result = client.call("pair", List.of(1, 2), new TypeReference<List<Integer>>() {
			});
			assertThat(result).containsExactly(1, 2);
		}
		Request request = this.server.requests().get(0);
		assertThat(request.path()).isEqualTo("/rpc");
		assertThat(request.header("Authorization")).isEqualTo("Bearer t1");
		assertThat(request.body().path("params").isArray()).isTrue();
	}

	@Test
	void notifySendsNoIdAndAcceptsNoContent() throws Exception {
		try (RpcClient client = client((request) -> Reply.noContent(), (builder) -> builder)) {
			client.notify("log", Map.of("text", "hi"));
		}
		assertThat(this.server.requests().get(0).body().has("id")).isFalse();
	}

	@Test
	void errorResponseIsThrownAsSubclassForItsCode() throws Exception {
		try (RpcClient client = client((request) -> Reply.error(request, -32601, "Method not found"),
				(builder) -> builder)) {
			assertThatExceptionOfType(MethodNotFoundException.class).isThrownBy(() -> client.call("nope", null))
				.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(200));
		}
	}

	@Test
	void invalidParamsExposesDataErrors() throws Exception {
		String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Invalid params\","
				+ "\"data\":{\"errors\":[{\"param\":\"minuend\",\"message\":\"is required\"}]}}}";
		try (RpcClient client = client((request) -> Reply.json(body), (builder) -> builder)) {
			assertThatExceptionOfType(InvalidParamsException.class).isThrownBy(() -> client.call("subtract", Map.of()))
				.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new ParamError("minuend", "is required")));
		}
	}

	@Test
	void http401WithJsonRpcBodyIsAuthenticationRequired() throws Exception {
		String body = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32001,\"message\":\"Authentication required\"}}";
		try (RpcClient client = client((request) -> new Reply(401, body, Map.of()), (builder) -> builder)) {
			assertThatExceptionOfType(AuthenticationRequiredException.class).isThrownBy(() -> client.call("echo", null))
				.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(401));
		}
	}

	@Test
	void http429ExposesRetryAfter() throws Exception {
		String body = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32005,\"message\":\"Rate limit exceeded\"}}";
		try (RpcClient client = client((request) -> new Reply(429, body, Map.of("Retry-After", "7")),
				(builder) -> builder)) {
			assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> client.call("echo", null))
				.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(7)));
		}
	}

	@Test
	void http413WithJsonRpcBodyIsInvalidRequest() throws Exception {
		String body = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Request body too large\"}}";
		try (RpcClient client = client((request) -> new Reply(413, body, Map.of()), (builder) -> builder)) {
			assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> client.call("echo", null))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(RpcErrorCodes.INVALID_REQUEST));
		}
	}

	@Test
	void http404WithoutJsonRpcBodyIsTransportErrorNamingThePath() throws Exception {
		try (RpcClient client = client((request) -> new Reply(404, "not here", Map.of()), (builder) -> builder)) {
			assertThatExceptionOfType(RpcTransportException.class).isThrownBy(() -> client.call("echo", null))
				.withMessageContaining("HTTP 404")
				.withMessageContaining("/api/jsonrpc")
				.withMessageContaining("endpoint path");
		}
	}

	@Test
	void batchReturnsResultsInCallOrderWhateverTheResponseOrder() throws Exception {
		try (RpcClient client = client(DefaultRpcClientTests::reversedBatch, (builder) -> builder)) {
			List<RpcResult> results = client.batch()
				.call("first", null)
				.notify("log", Map.of("a", 1))
				.call("second", List.of(2))
				.send();
			assertThat(results).extracting(RpcResult::method).containsExactly("first", "second");
			assertThat(results.get(0).get().stringValue()).isEqualTo("first");
			assertThat(results.get(1).get().stringValue()).isEqualTo("second");
		}
		assertThat(this.server.requests().get(0).body().size()).isEqualTo(3);
	}

	@Test
	void cmdPostsCommandAndParamsAndReadsResult() throws Exception {
		try (RpcClient client = client((request) -> Reply.json("{\"result\":{\"echo\":\"hi\"}}"),
				(builder) -> builder)) {
			assertThat(client.cmd("echo", Map.of("text", "hi")).path("echo").stringValue()).isEqualTo("hi");
		}
		Request request = this.server.requests().get(0);
		assertThat(request.path()).isEqualTo("/cmd");
		assertThat(request.body().path("command").stringValue()).isEqualTo("echo");
		assertThat(request.body().path("params").path("text").stringValue()).isEqualTo("hi");
	}

	@Test
	void cmdErrorBodyIsThrownAsRpcErrorException() throws Exception {
		String body = "{\"error\":{\"code\":-32000,\"message\":\"boom\",\"data\":{\"x\":1}}}";
		try (RpcClient client = client((request) -> Reply.json(body), (builder) -> builder)) {
			assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> client.cmd("fail", null))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(RpcErrorCodes.COMMAND_FAILED))
				.satisfies((ex) -> assertThat(ex.data().path("x").asInt()).isEqualTo(1));
		}
	}

	@Test
	void connectionRefusedIsTransportErrorSayingSo() throws Exception {
		this.server = ScriptedServer.http((request) -> Reply.noContent());
		java.net.URI baseUrl = this.server.baseUrl();
		this.server.close();
		this.server = null;
		try (RpcClient client = RpcClient.builder(baseUrl).build()) {
			assertThatExceptionOfType(RpcTransportException.class).isThrownBy(() -> client.call("echo", null))
				.withMessageContaining("Connection to " + baseUrl + " refused");
		}
	}

	@Test
	void slowServerFailsWithRequestTimeoutMessage() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (RpcClient client = client((request) -> {
			await(release);
			return Reply.noContent();
		}, (builder) -> builder.requestTimeout(Duration.ofMillis(200)))) {
			assertThatExceptionOfType(RpcTransportException.class).isThrownBy(() -> client.call("slow", null))
				.withMessageContaining("within the request timeout");
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void callAfterCloseIsRejected() throws Exception {
		RpcClient client = client((request) -> Reply.noContent(), (builder) -> builder);
		client.close();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> client.call("echo", null));
	}

	private RpcClient client(Function<Request, Reply> script,
			Function<dev.rpcadapter.client.RpcClientBuilder, dev.rpcadapter.client.RpcClientBuilder> customizer)
			throws Exception {
		this.server = ScriptedServer.http(script);
		return customizer.apply(RpcClient.builder(this.server.baseUrl())).build();
	}

	private static Reply reversedBatch(Request request) {
		StringBuilder body = new StringBuilder("[");
		for (int i = request.body().size() - 1; i >= 0; i--) {
			var element = request.body().get(i);
			if (element.has("id")) {
				body.append((body.length() > 1) ? "," : "")
					.append("{\"jsonrpc\":\"2.0\",\"id\":")
					.append(element.get("id"))
					.append(",\"result\":\"")
					.append(element.path("method").stringValue())
					.append("\"}");
			}
		}
		return Reply.json(body.append("]").toString());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
