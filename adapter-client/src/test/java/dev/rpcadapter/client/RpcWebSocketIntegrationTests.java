package dev.rpcadapter.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@link RpcWebSocketSession} against the real server's {@code /ws}.
 */
class RpcWebSocketIntegrationTests {

	static TestServer server;

	static RpcClient client;

	RpcWebSocketSession session;

	@BeforeAll
	static void startServer() {
		server = TestServer.start();
		client = RpcClient.builder(server.httpUrl()).requestTimeout(Duration.ofSeconds(10)).build();
	}

	@AfterAll
	static void stopServer() {
		client.close();
		server.close();
	}

	@BeforeEach
	void connect() {
		server.commands().recorded().clear();
		this.session = client.connectWebSocket();
	}

	@AfterEach
	void disconnect() {
		this.session.close();
	}

	@Test
	void anAsyncCallIsDeliveredToItsAwaitingSession() throws Exception {
		String id = client.postAsync("delayed_echo", Map.of("text", "later", "delay_ms", 300), "client-async-1");
		assertThat(id).isEqualTo("client-async-1");
		JsonNode response = this.session.awaitDelivery(id).get(10, TimeUnit.SECONDS);
		assertThat(response.path("result").asString()).isEqualTo("later");
		String generated = client.postAsync("divide", Map.of("a", 1, "b", 0), null);
		assertThat(generated).isNotBlank();
		JsonNode failed = this.session.awaitDelivery(generated).get(10, TimeUnit.SECONDS);
		assertThat(failed.path("error").path("code").asInt()).isEqualTo(RpcErrorCodes.COMMAND_FAILED);
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.session.awaitDelivery("never-posted").get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(RpcErrorException.class)
			.withMessageContaining("unknown or expired");
	}

	@Test
	void callReturnsResult() throws Exception {
		assertThat(this.session.isOpen()).isTrue();
		assertThat(this.session.call("subtract", Map.of("minuend", 42, "subtrahend", 23))
			.get(5, TimeUnit.SECONDS)
			.intValue()).isEqualTo(19);
		assertThat(this.session.call("subtract", List.of(23, 42)).get(5, TimeUnit.SECONDS).intValue()).isEqualTo(-19);
	}

	@Test
	void responsesArrivingOutOfOrderAreMatchedById() throws Exception {
		CompletableFuture<JsonNode> slow = this.session.call("delayed_echo", Map.of("text", "slow", "delay_ms", 400));
		CompletableFuture<JsonNode> fast = this.session.call("delayed_echo", Map.of("text", "fast", "delay_ms", 1));
		assertThat(fast.get(5, TimeUnit.SECONDS).stringValue()).isEqualTo("fast");
		assertThat(slow).as("the slow call is still pending when the fast one is answered").isNotDone();
		assertThat(slow.get(5, TimeUnit.SECONDS).stringValue()).isEqualTo("slow");
	}

	@Test
	void manyConcurrentCallsEachGetTheirOwnResult() throws Exception {
		List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			calls.add(this.session.call("subtract", List.of(i, 1)));
		}
		for (int i = 0; i < 50; i++) {
			assertThat(calls.get(i).get(5, TimeUnit.SECONDS).intValue()).isEqualTo(i - 1);
		}
	}

	@Test
	void notificationRunsWithoutResponse() throws Exception {
		this.session.notify("record", Map.of("message", "over the socket")).get(5, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(server.commands().recorded()).containsExactly("over the socket"));
		assertThat(this.session.call("subtract", List.of(1, 1)).get(5, TimeUnit.SECONDS).intValue())
			.as("a call after the notification is answered with its own result")
			.isZero();
	}

	@Test
	void errorsAreTypedExceptions() {
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.session.call("no_such_method", null).get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(MethodNotFoundException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).httpStatus()).isZero());
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.session.call("subtract", Map.of("minuend", "x")).get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(InvalidParamsException.class,
					(ex) -> assertThat(ex.errors()).extracting(ParamError::param).contains("minuend"));
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.session.call("divide", Map.of("a", 1, "b", 0)).get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(RpcErrorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(RpcErrorCodes.COMMAND_FAILED));
	}

	@Test
	void callThatNeverCompletesTimesOut() {
		try (RpcClient impatient = RpcClient.builder(server.httpUrl()).requestTimeout(Duration.ofMillis(400)).build();
				RpcWebSocketSession short_ = impatient.connectWebSocket()) {
			assertTimeoutPreemptively(Duration.ofSeconds(5),
					() -> assertThatExceptionOfType(ExecutionException.class)
						.isThrownBy(() -> short_.call("hang", null).get())
						.havingCause()
						.isInstanceOf(RpcTransportException.class)
						.withMessageContaining("within the request timeout"));
			assertThat(short_.isOpen()).as("a timed-out call leaves the session usable").isTrue();
		}
	}

	@Test
	void pendingCallsFailWhenTheSessionIsClosed() {
		CompletableFuture<JsonNode> pending = this.session.call("hang", null);
		this.session.close();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(RpcTransportException.class);
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.session.isOpen());
	}

}
