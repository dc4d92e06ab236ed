package dev.rpcadapter.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.method.AnnotatedCommandFactory;
import dev.rpcadapter.schema.SchemaGenerator;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class CallObservationTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final CommandRegistry registry = CommandRegistry.create();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	CallObservationTests() {
		AnnotatedCommandFactory factory = AnnotatedCommandFactory.create(mapper, SchemaGenerator.create(mapper), null,
				Schedulers.boundedElastic());
		factory
			.commandsOf(new JsonRpcDispatcherTests.TestCommands(new AtomicInteger()),
					JsonRpcDispatcherTests.TestCommands.class, "testCommands")
			.forEach(this.registry::register);
	}

	private JsonRpcDispatcher.Builder builder() {
		return JsonRpcDispatcher.builder(this.registry, mapper).observationRegistry(this.observations);
	}

	private static String handle(JsonRpcDispatcher dispatcher, String body, CallContext context) {
		byte[] bytes = dispatcher.handle(body.getBytes(StandardCharsets.UTF_8), context).block(Duration.ofSeconds(5));
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : "";
	}

	private static String handle(JsonRpcDispatcher dispatcher, String body) {
		return handle(dispatcher, body, CallContext.of(Caller.ANONYMOUS, "test"));
	}

	@Test
	void aCallIsObservedWithLowCardinalityKeys() {
		handle(builder().build(), "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[2,1],\"id\":1}");
		assertThat(this.observations).hasSingleObservationThat()
			.hasNameEqualTo("rpc.adapter.call")
			.hasContextualNameEqualTo("jsonrpc subtract")
			.hasLowCardinalityKeyValue("command", "subtract")
			.hasLowCardinalityKeyValue("transport", "test")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("code", "0")
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void anUnknownMethodIsTaggedUnknown() {
		handle(builder().build(), "{\"jsonrpc\":\"2.0\",\"method\":\"random_name_1234\",\"id\":1}");
		assertThat(this.observations).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("command", "unknown")
			.hasLowCardinalityKeyValue("outcome", "error")
			.hasLowCardinalityKeyValue("code", Integer.toString(ErrorCodes.METHOD_NOT_FOUND));
	}

	@Test
	void whileACallRunsItsOutcomeIsUnknownAndAMadeUpMethodNameIsNeverATagValue() {
		java.util.List<String> atStart = new java.util.concurrent.CopyOnWriteArrayList<>();
		this.observations.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
			@Override
			public void onStart(Observation.Context context) {
				CallObservationContext call = (CallObservationContext) context;
				KeyValues keys = new DefaultCallObservationConvention().getLowCardinalityKeyValues(call);
				atStart.add(keys.stream().map((k) -> k.getKey() + "=" + k.getValue()).toList().toString());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof CallObservationContext;
			}
		});
		JsonRpcDispatcher dispatcher = builder().build();
		handle(dispatcher, "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[2,1],\"id\":1}");
		handle(dispatcher, "{\"jsonrpc\":\"2.0\",\"method\":\"made_up_4711\",\"id\":2}");
		assertThat(atStart).containsExactly("[code=unknown, command=subtract, outcome=unknown, transport=test]",
				"[code=unknown, command=unknown, outcome=unknown, transport=test]");
	}

	@Test
	void eachBatchElementIsObserved() {
		handle(builder().build(), "[{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[2,1],\"id\":1},"
				+ "{\"jsonrpc\":\"2.0\",\"method\":\"slow\",\"params\":{\"millis\":10},\"id\":2}]");
		assertThat(this.observations).hasNumberOfObservationsWithNameEqualTo("rpc.adapter.call", 2)
			.hasAnObservationWithAKeyValue("command", "slow")
			.hasAnObservationWithAKeyValue("command", "subtract")
			.forAllObservationsWithNameEqualTo("rpc.adapter.call",
					(o) -> o.hasLowCardinalityKeyValue("outcome", "success"));
	}

	@Test
	void theRequestHeadersAreTheCarrierOfTheTraceContext() {
		String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
		CallContext context = CallContext.of(Caller.ANONYMOUS, "http")
			.withHeaders(Map.of("traceparent", traceparent)::get);
		handle(builder().build(), "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[2,1],\"id\":1}", context);
		assertThat(this.observations).hasSingleObservationThat().satisfies((observed) -> {
			CallObservationContext call = (CallObservationContext) observed;
			assertThat(call.getGetter().get(call.getCarrier(), "traceparent")).isEqualTo(traceparent);
			assertThat(call.getGetter().get(call.getCarrier(), "tracestate")).isNull();
		});
	}

	@Test
	void theCallIsTheCurrentObservationWhenItSubmitsAJob() {
		AtomicReference<Observation> current = new AtomicReference<>();
		JsonRpcDispatcher dispatcher = builder().jobSubmitter((command, params, context) -> {
			current.set(this.observations.getCurrentObservation());
			return Mono.just(Map.of("job_id", "j1"));
		}).build();
		handle(dispatcher, "{\"jsonrpc\":\"2.0\",\"method\":\"queued_echo\",\"params\":{\"text\":\"hi\"},\"id\":1}");
		assertThat(current.get()).isNotNull();
		assertThat(current.get().getContext()).isInstanceOf(CallObservationContext.class);
		assertThat(this.observations.getCurrentObservation()).isNull();
	}

	@Test
	void aConventionReplacesTheDefault() {
		CallObservationConvention custom = new DefaultCallObservationConvention() {
			@Override
			public String getName() {
				return "custom.call";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(CallObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("tenant", "t1");
			}
		};
		handle(builder().observationConvention(custom).build(),
				"{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[2,1],\"id\":1}");
		assertThat(this.observations).hasSingleObservationThat()
			.hasNameEqualTo("custom.call")
			.hasLowCardinalityKeyValue("tenant", "t1");
	}

	@Test
	void aNoopRegistryMakesNoObservationContext() {
		AtomicInteger asked = new AtomicInteger();
		CallObservationConvention counting = new DefaultCallObservationConvention() {
			@Override
			public boolean supportsContext(Observation.Context context) {
				asked.incrementAndGet();
				return true;
			}
		};
		JsonRpcDispatcher dispatcher = JsonRpcDispatcher.builder(this.registry, mapper)
			.observationRegistry(ObservationRegistry.create())
			.observationConvention(counting)
			.build();
		assertThat(handle(dispatcher, "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[2,1],\"id\":1}"))
			.contains("\"result\":1");
		assertThat(asked).hasValue(0);
	}

}
