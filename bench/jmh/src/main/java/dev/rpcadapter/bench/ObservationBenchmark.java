package dev.rpcadapter.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import dev.rpcadapter.method.AnnotatedCommandFactory;
import dev.rpcadapter.schema.SchemaGenerator;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * What observing a call costs: the same single call with {@code ObservationRegistry.NOOP}
 * (the default), a registry without handlers (also a no-op), a registry whose only
 * handler does nothing (the observation and its context are made), and Boot's metrics
 * setup ({@link DefaultMeterObservationHandler} on a {@link SimpleMeterRegistry}: a timer
 * per tag set, and an {@code .active} long-task timer unless switched off).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ObservationBenchmark {

	private static final byte[] SINGLE = """
			{"jsonrpc":"2.0","method":"subtract","params":{"minuend":42,"subtrahend":23},"id":1}"""
		.getBytes(StandardCharsets.UTF_8);

	@Param({ "noop", "no-handlers", "empty-handler", "meters", "meters-no-active" })
	public String registry = "noop";

	private JsonRpcDispatcher dispatcher;

	private final CallContext context = CallContext.of(Caller.ANONYMOUS, "bench");

	@Setup
	public void setUp() {
		JsonMapper mapper = JsonMapper.builder().build();
		CommandRegistry commands = CommandRegistry.create();
		AnnotatedCommandFactory.create(mapper, SchemaGenerator.create(mapper), null, Schedulers.boundedElastic())
			.commandsOf(new DispatcherBenchmark.Commands(), DispatcherBenchmark.Commands.class, "commands")
			.forEach(commands::register);
		this.dispatcher = JsonRpcDispatcher.builder(commands, mapper)
			.observationRegistry(registry(this.registry))
			.build();
	}

	private static ObservationRegistry registry(String kind) {
		if (kind.equals("noop")) {
			return ObservationRegistry.NOOP;
		}
		ObservationRegistry registry = ObservationRegistry.create();
		if (kind.equals("empty-handler")) {
			registry.observationConfig().observationHandler(new ObservationHandler<>() {
				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}
			});
		}
		else if (kind.equals("meters")) {
			registry.observationConfig()
				.observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
		}
		else if (kind.equals("meters-no-active")) {
			// Boot's management.metrics.observations.ignored-meters=long-task-timer: no
			// rpc.adapter.call.active
			registry.observationConfig()
				.observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry(),
						DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER));
		}
		return registry;
	}

	@Benchmark
	public byte @Nullable [] singleCall() {
		return this.dispatcher.handle(SINGLE, this.context).block();
	}

}
