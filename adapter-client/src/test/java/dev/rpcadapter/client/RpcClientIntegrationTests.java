package dev.rpcadapter.client;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every HTTP call style of {@link RpcClient} against a real rpc-adapter server on a
 * random port.
 */
class RpcClientIntegrationTests {

	static TestServer server;

	static RpcClient client;

	@BeforeAll
	static void startServer() {
		server = TestServer.start(Map.of("adapter.jsonrpc.max-body-size", "4KB"));
		client = RpcClient.builder(server.httpUrl()).requestTimeout(Duration.ofSeconds(10)).build();
	}

	@AfterAll
	static void stopServer() {
		client.close();
		server.close();
	}

	@BeforeEach
	void forgetRecordedNotifications() {
		server.commands().recorded().clear();
	}

	@Test
	void callWithParamsByName() {
		assertThat(client.call("subtract", Map.of("minuend", 42, "subtrahend", 23)).intValue()).isEqualTo(19);
	}

	@Test
	void callWithParamsByPosition() {
		assertThat(client.call("subtract", List.of(23, 42), Integer.class)).isEqualTo(-19);
		assertThat(client.call("subtract", new int[] { 42, 23 }, Integer.class)).isEqualTo(19);
	}

	@Test
	void callWithRecordAsNamedParams() {
		record Operands(int minuend, int subtrahend) {
		}
		assertThat(client.call("subtract", new Operands(10, 4), Integer.class)).isEqualTo(6);
	}

	@Test
	void callWithoutParams() {
		assertThat(client.call("get_data", null, new TypeReference<List<Object>>() {
		})).containsExactly("hello", 5);
	}

	@Test
	void callConvertsResultToRecord() {
		IntegrationCommands.Person person = client.call("describe_person", Map.of("name", "Ada", "age", 36),
				IntegrationCommands.Person.class);
		assertThat(person).isEqualTo(new IntegrationCommands.Person("Ada", 36, true));
	}

	@Test
	void callAsyncCompletesWithConvertedResult() throws Exception {
		CompletableFuture<Integer> first = client.callAsync("subtract", List.of(5, 3), Integer.class);
		CompletableFuture<Integer> second = client.callAsync("subtract", List.of(9, 3), Integer.class);
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(2);
		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(6);
	}

	@Test
	void notifyRunsCommandWithoutResponse() {
		client.notify("record", Map.of("message", "fire and forget"));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(server.commands().recorded()).containsExactly("fire and forget"));
	}

	@Test
	void notificationIsAnsweredWithNoContent() throws Exception {
		HttpResponse<String> response = rawPost(
				"{\"jsonrpc\":\"2.0\",\"method\":\"record\",\"params\":{\"message\":\"raw\"}}");
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void notifyOfUnknownMethodFailsSilently() {
		client.notify("no_such_method", null);
	}

	@Test
	void batchMixesCallsAndNotificationsAndKeepsCallOrder() {
		List<RpcResult> results = client.batch()
			.call("delayed_echo", Map.of("text", "slow", "delay_ms", 300))
			.notify("record", Map.of("message", "from batch"))
			.call("delayed_echo", Map.of("text", "fast", "delay_ms", 1))
			.call("subtract", List.of(7, 2))
			.send();
		assertThat(results).extracting(RpcResult::method).containsExactly("delayed_echo", "delayed_echo", "subtract");
		assertThat(results.get(0).get().stringValue()).isEqualTo("slow");
		assertThat(results.get(1).get().stringValue()).isEqualTo("fast");
		assertThat(results.get(2).get().intValue()).isEqualTo(5);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(server.commands().recorded()).containsExactly("from batch"));
	}

	@Test
	void batchReportsErrorsPerElement() {
		List<RpcResult> results = client.batch()
			.call("subtract", List.of(1, 1))
			.call("divide", Map.of("a", 1, "b", 0))
			.call("subtract", Map.of("minuend", "one"))
			.send();
		assertThat(results.get(0).isSuccess()).isTrue();
		assertThat(results.get(1).error().code()).isEqualTo(RpcErrorCodes.COMMAND_FAILED);
		assertThatExceptionOfType(InvalidParamsException.class).isThrownBy(() -> results.get(2).get());
	}

	@Test
	void batchOfOnlyNotificationsReturnsNoResults() {
		List<RpcResult> results = client.batch()
			.notify("record", Map.of("message", "one"))
			.notify("record", Map.of("message", "two"))
			.send();
		assertThat(results).isEmpty();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(server.commands().recorded()).containsExactlyInAnyOrder("one", "two"));
	}

	/**
	 * jsonrpc.org/specification §7 "rpc call Batch", minus the element the client cannot
	 * produce.
	 */
	@Test
	void specificationBatchExample() {
		List<RpcResult> results = client.batch()
			.call("sum", List.of(1, 2, 4))
			.notify("notify_hello", List.of(7))
			.call("subtract", List.of(42, 23))
			.call("foo.get", Map.of("name", "myself"))
			.call("get_data", null)
			.send();
		assertThat(results).hasSize(4);
		assertThat(results.get(0).get().intValue()).isEqualTo(7);
		assertThat(results.get(1).get().intValue()).isEqualTo(19);
		assertThat(results.get(2).error().code()).isEqualTo(RpcErrorCodes.METHOD_NOT_FOUND);
		assertThatExceptionOfType(MethodNotFoundException.class).isThrownBy(() -> results.get(2).get());
		assertThat(client.convert(results.get(3).get(), List.class)).containsExactly("hello", 5);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(server.commands().recorded()).containsExactly("hello 7"));
	}

	/** jsonrpc.org/specification §7 "rpc call Batch (all notifications)". */
	@Test
	void specificationAllNotificationsBatchExample() {
		assertThat(client.batch().notify("notify_sum", List.of(1, 2, 4)).notify("notify_hello", List.of(7)).send())
			.isEmpty();
	}

	@Test
	void cmdReturnsResult() {
		assertThat(client.cmd("subtract", Map.of("minuend", 10, "subtrahend", 3)).intValue()).isEqualTo(7);
	}

	@Test
	void cmdMapsErrorsToExceptions() {
		assertThatExceptionOfType(RpcErrorException.class)
			.isThrownBy(() -> client.cmd("divide", Map.of("a", 1, "b", 0)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(RpcErrorCodes.COMMAND_FAILED);
				assertThat(ex.data().path("b").doubleValue()).isZero();
			});
		assertThatExceptionOfType(MethodNotFoundException.class).isThrownBy(() -> client.cmd("no_such", null));
		assertThatExceptionOfType(InvalidParamsException.class)
			.isThrownBy(() -> client.cmd("subtract", Map.of("minuend", 1)));
	}

	@Test
	void unknownMethodThrowsMethodNotFound() {
		assertThatExceptionOfType(MethodNotFoundException.class).isThrownBy(() -> client.call("no_such_method", null))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(-32601);
				assertThat(ex.httpStatus()).isEqualTo(200);
			});
	}

	@Test
	void invalidParamsListEachProblem() {
		assertThatExceptionOfType(InvalidParamsException.class)
			.isThrownBy(() -> client.call("subtract", Map.of("minuend", "forty-two", "extra", 1)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(-32602);
				assertThat(ex.errors()).extracting(ParamError::param).contains("minuend", "extra");
				assertThat(ex.errors()).allSatisfy((error) -> assertThat(error.message()).isNotBlank());
			});
	}

	@Test
	void missingParamAndBeanValidationAreInvalidParams() {
		assertThatExceptionOfType(InvalidParamsException.class)
			.isThrownBy(() -> client.call("describe_person", Map.of("name", "Ada", "age", -1)))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(ParamError::param).containsExactly("age"));
		assertThatExceptionOfType(InvalidParamsException.class)
			.isThrownBy(() -> client.call("describe_person", Map.of("name", "Ada")))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(ParamError::param).containsExactly("age"));
	}

	@Test
	void commandExceptionIsCommandFailedWithData() {
		assertThatExceptionOfType(RpcErrorException.class)
			.isThrownBy(() -> client.call("divide", Map.of("a", 1, "b", 0)))
			.satisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(RpcErrorException.class);
				assertThat(ex.code()).isEqualTo(-32000);
				assertThat(ex.errorMessage()).isEqualTo("Division by zero");
				assertThat(ex.data().path("a").doubleValue()).isEqualTo(1.0);
			});
	}

	@Test
	void unexpectedExceptionIsInternalErrorWithoutDetails() {
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> client.call("explode", null))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(-32603);
				assertThat(ex.getMessage()).doesNotContain("secret");
				assertThat(ex.data().path("error_id").asString("")).isNotBlank();
				assertThat(ex.data().toString()).doesNotContain("secret");
			});
	}

	@Test
	void bodyOverMaxSizeIsRejectedWith413() {
		String big = "x".repeat(8 * 1024);
		assertThatExceptionOfType(RpcErrorException.class)
			.isThrownBy(() -> client.call("record", Map.of("message", big)))
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).isEqualTo(413);
				assertThat(ex.code()).isEqualTo(RpcErrorCodes.INVALID_REQUEST);
			});
		assertThat(server.commands().recorded()).isEmpty();
		assertThat(client.call("subtract", List.of(2, 1)).intValue()).as("the client still works").isEqualTo(1);
	}

	@Test
	void commandThatNeverCompletesHitsClientTimeout() {
		try (RpcClient impatient = RpcClient.builder(server.httpUrl()).requestTimeout(Duration.ofMillis(500)).build()) {
			assertTimeoutPreemptively(Duration.ofSeconds(5),
					() -> assertThatExceptionOfType(RpcTransportException.class)
						.isThrownBy(() -> impatient.call("hang", null))
						.withMessageContaining("within the request timeout")
						.withMessageContaining("ADAPTER_HTTP_TIMEOUT"));
		}
	}

	@Test
	void timeoutFromEnvironmentAppliesWhenBuilderHasNone() {
		try (RpcClient impatient = RpcClient.builder(server.httpUrl())
			.environment((name) -> RpcClientBuilder.TIMEOUT_ENV.equals(name) ? "0.4" : null)
			.build()) {
			assertTimeoutPreemptively(Duration.ofSeconds(5),
					() -> assertThatExceptionOfType(RpcTransportException.class)
						.isThrownBy(() -> impatient.cmd("hang", null))
						.withMessageContaining("within the request timeout"));
		}
	}

	@Test
	void serverSideCommandTimeoutIsServerTimeoutException() {
		assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> assertThatExceptionOfType(ServerTimeoutException.class)
					.isThrownBy(() -> client.call("hang_briefly", null))
					.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-32003)));
	}

	@Test
	void builtinEchoAndHelpAreCallable() {
		JsonNode echo = client.call("echo", Map.of("message", "hi"));
		assertThat(echo.path("message").asString("")).isEqualTo("hi");
		assertThat(client.call("help", null).toString()).contains("subtract", "describe_person");
	}

	@Test
	void callsAfterCloseAreRejected() {
		RpcClient closed = RpcClient.builder(server.httpUrl()).build();
		closed.close();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> closed.call("get_data", null));
	}

	@Test
	void connectionRefusedIsClearTransportError() {
		try (RpcClient nowhere = RpcClient.builder(java.net.URI.create("http://127.0.0.1:1")).build()) {
			assertThatExceptionOfType(RpcTransportException.class).isThrownBy(() -> nowhere.call("get_data", null))
				.withMessageContaining("refused or unreachable");
		}
	}

	private static HttpResponse<String> rawPost(String body) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(server.httpUrl().resolve("/api/jsonrpc"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
