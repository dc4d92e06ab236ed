package dev.rpcadapter.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.method.AnnotatedCommandFactory;
import dev.rpcadapter.schema.SchemaGenerator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRpcDispatcherTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final CommandRegistry registry = CommandRegistry.create();

	private final AtomicInteger notified = new AtomicInteger();

	JsonRpcDispatcherTests() {
		AnnotatedCommandFactory factory = AnnotatedCommandFactory.create(mapper, SchemaGenerator.create(mapper), null,
				Schedulers.boundedElastic());
		factory.commandsOf(new TestCommands(this.notified), TestCommands.class, "testCommands")
			.forEach(this.registry::register);
	}

	private JsonRpcDispatcher dispatcher() {
		return JsonRpcDispatcher.builder(this.registry, mapper).build();
	}

	private static String handle(JsonRpcDispatcher dispatcher, String body) {
		byte[] bytes = dispatcher
			.handle(body.getBytes(StandardCharsets.UTF_8), CallContext.of(Caller.ANONYMOUS, "test"))
			.block(Duration.ofSeconds(5));
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
	}

	private String raw(String body) {
		return handle(dispatcher(), body);
	}

	private JsonNode call(String body) {
		String response = raw(body);
		assertThat(response).as("response to " + body).isNotNull();
		return mapper.readTree(response);
	}

	private static String request(String method, String params, Object id) {
		return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"" + (params != null ? ",\"params\":" + params : "")
				+ ",\"id\":" + id + "}";
	}

	@Test
	void positionalAndNamedParamsGiveTheSameResult() {
		assertThat(call(request("subtract", "[42, 23]", 1)).get("result").asInt()).isEqualTo(19);
		assertThat(call(request("subtract", "{\"subtrahend\": 23, \"minuend\": 42}", 2)).get("result").asInt())
			.isEqualTo(19);
	}

	@Test
	void stringIdIsEchoed() {
		JsonNode response = call(request("subtract", "[1, 1]", "\"abc\""));
		assertThat(response.get("id").asString()).isEqualTo("abc");
	}

	@Test
	void decimalNumericIdIsKeptAsSent() {
		assertThat(raw(request("subtract", "[1, 1]", "1.0"))).endsWith("\"id\":1.0}");
		assertThat(raw(request("subtract", "[1, 1]", "12345678901234567890"))).endsWith("\"id\":12345678901234567890}");
	}

	@Test
	void nullIdIsAnsweredWithNullId() {
		JsonNode response = call(request("subtract", "[3, 1]", "null"));
		assertThat(response.get("result").asInt()).isEqualTo(2);
		assertThat(response.get("id").isNull()).isTrue();
	}

	@Test
	void invalidIdTypeIsAnInvalidRequestWithNullId() {
		JsonNode response = call(request("subtract", "[3, 1]", "{\"a\":1}"));
		assertThat(response.get("error").get("code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
		assertThat(response.get("id").isNull()).isTrue();
	}

	@Test
	void notificationGetsNoResponseAndStillRuns() {
		assertThat(raw("{\"jsonrpc\":\"2.0\",\"method\":\"bump\"}")).isNull();
		assertThat(this.notified).hasValue(1);
	}

	@Test
	void notificationGetsNoResponseEvenOnError() {
		assertThat(raw("{\"jsonrpc\":\"2.0\",\"method\":\"no_such_method\"}")).isNull();
		assertThat(raw("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[\"x\"]}")).isNull();
		assertThat(raw("{\"jsonrpc\":\"2.0\",\"method\":\"crash\"}")).isNull();
	}

	@Test
	void unknownMethodIsMethodNotFound() {
		JsonNode response = call(request("no_such_method", null, 1));
		assertThat(response.get("error").get("code").asInt()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
		assertThat(response.get("id").asInt()).isEqualTo(1);
	}

	@Test
	void unknownSystemMethodIsMethodNotFoundAndRegisteredOneIsCalled() {
		JsonRpcDispatcher dispatcher = JsonRpcDispatcher.builder(this.registry, mapper)
			.systemMethod("rpc.ping", (params, context) -> Mono.just("pong"))
			.build();
		assertThat(handle(dispatcher, request("rpc.ping", null, 1))).contains("\"result\":\"pong\"");
		assertThat(handle(dispatcher, request("rpc.nope", null, 1)))
			.contains(String.valueOf(ErrorCodes.METHOD_NOT_FOUND));
	}

	@Test
	void batchAnswersEachNonNotificationInOrder() {
		JsonNode response = call(
				"[" + request("subtract", "[10, 1]", 1) + "," + "{\"jsonrpc\":\"2.0\",\"method\":\"bump\"},"
						+ request("slow", "[50]", 2) + "," + request("subtract", "[10, 3]", 3) + ", 42]");
		assertThat(response.isArray()).isTrue();
		assertThat(response).hasSize(4);
		assertThat(response.get(0).get("result").asInt()).isEqualTo(9);
		assertThat(response.get(1).get("result").asString()).isEqualTo("slept 50");
		assertThat(response.get(2).get("result").asInt()).isEqualTo(7);
		assertThat(response.get(3).get("error").get("code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
		assertThat(response.get(3).get("id").isNull()).isTrue();
	}

	@Test
	void batchWithOnlyNotificationsReturnsNothing() {
		assertThat(raw("[{\"jsonrpc\":\"2.0\",\"method\":\"bump\"},{\"jsonrpc\":\"2.0\",\"method\":\"bump\"}]"))
			.isNull();
		assertThat(this.notified).hasValue(2);
	}

	@Test
	void emptyBatchIsASingleInvalidRequest() {
		JsonNode response = call("[]");
		assertThat(response.isObject()).isTrue();
		assertThat(response.get("error").get("code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
		assertThat(response.get("id").isNull()).isTrue();
	}

	@Test
	void batchOverTheLimitIsASingleInvalidRequest() {
		JsonRpcDispatcher dispatcher = JsonRpcDispatcher.builder(this.registry, mapper)
			.limits(new DispatchLimits(2, 64, 1000, Duration.ofSeconds(5)))
			.build();
		JsonNode response = mapper.readTree(handle(dispatcher, "[" + request("subtract", "[1,1]", 1) + ","
				+ request("subtract", "[1,1]", 2) + "," + request("subtract", "[1,1]", 3) + "]"));
		assertThat(response.isObject()).isTrue();
		assertThat(response.get("error").get("code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
	}

	@Test
	void simplifiedCommandFormIsAnsweredWithIdOne() {
		JsonNode response = call("{\"command\":\"subtract\",\"params\":{\"minuend\":5,\"subtrahend\":2}}");
		assertThat(response.get("result").asInt()).isEqualTo(3);
		assertThat(response.get("id").asInt()).isEqualTo(1);
	}

	@Test
	void topLevelJobIdReachesTheJobStatusCommand() {
		AtomicReference<JsonNode> seen = new AtomicReference<>();
		this.registry.register(new Command(CommandDescriptor.builder("queue_get_job_status").build(), (params) -> {
			seen.set(params);
			return (caller, job) -> Mono.just("ok");
		}));
		call("{\"jsonrpc\":\"2.0\",\"method\":\"queue_get_job_status\",\"job_id\":\"j-1\",\"id\":1}");
		assertThat(seen.get().get("job_id").asString()).isEqualTo("j-1");
	}

	@Test
	void commandExceptionIsCommandFailedWithItsMessageAndData() {
		JsonNode error = call(request("fail", null, 1)).get("error");
		assertThat(error.get("code").asInt()).isEqualTo(ErrorCodes.COMMAND_FAILED);
		assertThat(error.get("message").asString()).isEqualTo("no way");
		assertThat(error.get("data").get("reason").asString()).isEqualTo("test");
	}

	@Test
	void unexpectedExceptionIsInternalErrorWithAnErrorIdAndNoExceptionText() {
		String response = raw(request("crash", null, 1));
		JsonNode error = mapper.readTree(response).get("error");
		assertThat(error.get("code").asInt()).isEqualTo(ErrorCodes.INTERNAL_ERROR);
		assertThat(error.get("data").get("error_id").asString()).isNotBlank();
		assertThat(response).doesNotContain("secret detail")
			.doesNotContain("Exception")
			.doesNotContain("java.")
			.doesNotContain("at dev.");
	}

	@Test
	void commandExceedingItsTimeoutIsTimedOut() {
		JsonNode error = call(request("hang", null, 1)).get("error");
		assertThat(error.get("code").asInt()).isEqualTo(ErrorCodes.TIMED_OUT);
	}

	@Test
	void blockingCommandPastItsTimeoutIsInterruptedNotLeftRunning() throws Exception {
		JsonNode error = call(request("sleepy", null, 1)).get("error");

		assertThat(error.get("code").asInt()).isEqualTo(ErrorCodes.TIMED_OUT);
		assertThat(TestCommands.sleepyInterrupted.await(5, java.util.concurrent.TimeUnit.SECONDS))
			.as("the worker thread running the command was interrupted")
			.isTrue();
	}

	@Test
	void defaultTimeoutAppliesToCommandsWithoutTheirOwn() {
		JsonRpcDispatcher dispatcher = JsonRpcDispatcher.builder(this.registry, mapper)
			.limits(new DispatchLimits(10, 64, 1000, Duration.ofMillis(100)))
			.build();
		JsonNode response = mapper.readTree(handle(dispatcher, request("slow", "[3000]", 1)));
		assertThat(response.get("error").get("code").asInt()).isEqualTo(ErrorCodes.TIMED_OUT);
	}

	@Test
	void asyncResultsAreAwaited() {
		assertThat(call(request("mono", "[\"x\"]", 1)).get("result").asString()).isEqualTo("mono x");
		assertThat(call(request("future", "[\"y\"]", 1)).get("result").asString()).isEqualTo("future y");
	}

	@Test
	void voidCommandHasNullResult() {
		JsonNode response = call(request("bump", null, 1));
		assertThat(response.has("result")).isTrue();
		assertThat(response.get("result").isNull()).isTrue();
	}

	@Test
	void invalidParamsAreRejectedWithPerParamErrors() {
		JsonNode error = call(request("subtract", "{\"minuend\":\"x\",\"other\":1}", 1)).get("error");
		assertThat(error.get("code").asInt()).isEqualTo(ErrorCodes.INVALID_PARAMS);
		assertThat(error.get("data").get("errors").valueStream().map((e) -> e.get("param").asString()))
			.contains("minuend", "other", "subtrahend");
	}

	@Test
	void envelopeFormatWrapsResultsAndCommandFailures() {
		JsonRpcDispatcher dispatcher = JsonRpcDispatcher.builder(this.registry, mapper)
			.resultFormat(ResultFormat.ENVELOPE)
			.build();
		JsonNode success = mapper.readTree(handle(dispatcher, request("subtract", "[5, 2]", 1)));
		assertThat(success.get("result").get("success").asBoolean()).isTrue();
		assertThat(success.get("result").get("data").asInt()).isEqualTo(3);
		JsonNode failure = mapper.readTree(handle(dispatcher, request("fail", null, 2)));
		assertThat(failure.has("error")).isFalse();
		assertThat(failure.get("result").get("success").asBoolean()).isFalse();
		assertThat(failure.get("result").get("error").get("code").asInt()).isEqualTo(ErrorCodes.COMMAND_FAILED);
		assertThat(failure.get("result").get("error").get("data").get("reason").asString()).isEqualTo("test");
		JsonNode notFound = mapper.readTree(handle(dispatcher, request("no_such_method", null, 3)));
		assertThat(notFound.get("error").get("code").asInt()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
	}

	@Test
	void envelopeFormatWrapsANullResultToo() {
		JsonRpcDispatcher dispatcher = JsonRpcDispatcher.builder(this.registry, mapper)
			.resultFormat(ResultFormat.ENVELOPE)
			.build();
		JsonNode response = mapper.readTree(handle(dispatcher, request("bump", null, 1)));
		assertThat(response.get("result").get("success").asBoolean()).isTrue();
		assertThat(response.get("result").has("data")).isTrue();
	}

	@Test
	void authorizerIsConsultedPerBatchElementAndAForbiddenCommandAnswersLikeAnUnknownOne() {
		JsonRpcDispatcher dispatcher = JsonRpcDispatcher.builder(this.registry, mapper)
			.authorizer((caller, command) -> !command.equals("fail"))
			.build();
		JsonNode response = mapper.readTree(handle(dispatcher, "[" + request("subtract", "[2,1]", 1) + ","
				+ request("fail", null, 2) + "," + request("fall", null, 3) + "]"));
		assertThat(response.get(0).get("result").asInt()).isEqualTo(1);
		assertThat(response.get(1).get("error").get("code").asInt()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
		assertThat(response.get(1).get("error").toString().replace("fail", "fall"))
			.isEqualTo(response.get(2).get("error").toString());
	}

	@Test
	void failingAuthorizerFailsOnlyItsOwnBatchElement() {
		JsonRpcDispatcher dispatcher = JsonRpcDispatcher.builder(this.registry, mapper)
			.authorizer((caller, command) -> {
				if (command.equals("fail")) {
					throw new IllegalStateException("secret detail");
				}
				return true;
			})
			.build();
		String raw = handle(dispatcher, "[" + request("subtract", "[2,1]", 1) + "," + request("fail", null, 2) + "]");
		JsonNode response = mapper.readTree(raw);
		assertThat(response.get(0).get("result").asInt()).isEqualTo(1);
		assertThat(response.get(1).get("error").get("code").asInt()).isEqualTo(ErrorCodes.INTERNAL_ERROR);
		assertThat(raw).doesNotContain("secret detail");
	}

	@Test
	void exceptionMappersMayClaimOrDeclineAnException() {
		JsonRpcDispatcher dispatcher = JsonRpcDispatcher.builder(this.registry, mapper)
			.exceptionMapper((ex) -> null)
			.exceptionMapper((ex) -> (ex instanceof IllegalStateException) ? JsonRpcError.of(-32050, "mapped") : null)
			.build();
		JsonNode error = mapper.readTree(handle(dispatcher, request("crash", null, 1))).get("error");
		assertThat(error.get("code").asInt()).isEqualTo(-32050);
		assertThat(error.get("message").asString()).isEqualTo("mapped");
	}

	@Test
	void queuedCommandIsSubmittedOnlyWithValidParams() {
		List<JsonNode> submitted = new CopyOnWriteArrayList<>();
		JsonRpcDispatcher dispatcher = JsonRpcDispatcher.builder(this.registry, mapper)
			.jobSubmitter((command, params, context) -> {
				submitted.add(params);
				return Mono.just(Map.of("job_id", "j1", "status", "pending", "command", command.name()));
			})
			.build();
		String okRaw = handle(dispatcher, request("queued_echo", "{\"text\":\"hi\"}", 1));
		assertThat(okRaw).contains("job_id");
		JsonNode ok = mapper.readTree(okRaw);
		assertThat(ok.get("result").get("job_id").asString()).isEqualTo("j1");
		JsonNode bad = mapper.readTree(handle(dispatcher, request("queued_echo", "{\"text\":1}", 2)));
		assertThat(bad.get("error").get("code").asInt()).isEqualTo(ErrorCodes.INVALID_PARAMS);
		assertThat(submitted).hasSize(1);
	}

	@Test
	void queuedCommandWithoutAQueueIsAnInternalErrorNotALeak() {
		String response = raw(request("queued_echo", "{\"text\":\"hi\"}", 1));
		assertThat(mapper.readTree(response).get("error").get("code").asInt()).isEqualTo(ErrorCodes.INTERNAL_ERROR);
		assertThat(response).doesNotContain("queue is disabled");
	}

	@Test
	void writeErrorAnswersWithNullId() {
		String written = new String(dispatcher().writeError(JsonRpcError.invalidRequest("too big")),
				StandardCharsets.UTF_8);
		JsonNode node = mapper.readTree(written);
		assertThat(node.get("id").isNull()).isTrue();
		assertThat(node.get("error").get("code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
	}

	public static class TestCommands {

		private final AtomicInteger notified;

		TestCommands(AtomicInteger notified) {
			this.notified = notified;
		}

		@JsonRpcCommand(name = "subtract", blocking = JsonRpcCommand.Blocking.NO)
		public int subtract(@CommandParam("minuend") int minuend, @CommandParam("subtrahend") int subtrahend) {
			return minuend - subtrahend;
		}

		@JsonRpcCommand(name = "bump")
		public void bump() {
			this.notified.incrementAndGet();
		}

		@JsonRpcCommand(name = "slow")
		public Mono<String> slow(@CommandParam("millis") long millis) {
			return Mono.delay(Duration.ofMillis(millis)).thenReturn("slept " + millis);
		}

		static final java.util.concurrent.CountDownLatch sleepyInterrupted = new java.util.concurrent.CountDownLatch(1);

		@JsonRpcCommand(name = "sleepy", timeout = "100ms")
		public String sleepy() {
			try {
				Thread.sleep(30_000); // stands for blocking work that never finishes by
										// itself
				return "woke up";
			}
			catch (InterruptedException ex) {
				sleepyInterrupted.countDown();
				Thread.currentThread().interrupt();
				return "interrupted";
			}
		}

		@JsonRpcCommand(name = "hang", timeout = "100ms")
		public Mono<String> hang() {
			return Mono.never();
		}

		@JsonRpcCommand(name = "mono")
		public Mono<String> mono(@CommandParam("text") String text) {
			return Mono.just("mono " + text).delayElement(Duration.ofMillis(10));
		}

		@JsonRpcCommand(name = "future")
		public CompletionStage<String> future(@CommandParam("text") String text) {
			return CompletableFuture.supplyAsync(() -> "future " + text);
		}

		@JsonRpcCommand(name = "fail")
		public String fail() {
			throw CommandException.withData("no way", Map.of("reason", "test"));
		}

		@JsonRpcCommand(name = "crash")
		public String crash() {
			throw new IllegalStateException("secret detail");
		}

		@JsonRpcCommand(name = "queued_echo", queued = true)
		public String queuedEcho(@CommandParam("text") String text) {
			return text;
		}

	}

}
