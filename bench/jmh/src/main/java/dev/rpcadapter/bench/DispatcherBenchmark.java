package dev.rpcadapter.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import dev.rpcadapter.method.AnnotatedCommandFactory;
import dev.rpcadapter.schema.SchemaGenerator;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dispatcher alone (no network): parse, bind, call, write. Baselines in the same run:
 * {@code parseAndWriteOnly} (Jackson tree round trip of the same bytes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatcherBenchmark {

	private static final byte[] SINGLE = """
			{"jsonrpc":"2.0","method":"subtract","params":{"minuend":42,"subtrahend":23},"id":1}"""
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] ECHO = """
			{"jsonrpc":"2.0","method":"echo","params":{"message":"hello"},"id":1}""".getBytes(StandardCharsets.UTF_8);

	private byte[] batch10;

	private JsonRpcDispatcher dispatcher;

	private JsonMapper mapper;

	private final CallContext context = CallContext.of(Caller.ANONYMOUS, "bench");

	/** The command under test. */
	public static class Commands {

		@JsonRpcCommand(name = "subtract", blocking = JsonRpcCommand.Blocking.NO)
		public long subtract(@CommandParam("minuend") long minuend, @CommandParam("subtrahend") long subtrahend) {
			return minuend - subtrahend;
		}

		@JsonRpcCommand(name = "echo", blocking = JsonRpcCommand.Blocking.NO, acceptsExtraParams = true)
		public String echo(@CommandParam("message") String message) {
			return message;
		}

	}

	@Setup
	public void setUp() {
		this.mapper = JsonMapper.builder().build();
		CommandRegistry registry = CommandRegistry.create();
		AnnotatedCommandFactory
			.create(this.mapper, SchemaGenerator.create(this.mapper), null, Schedulers.boundedElastic())
			.commandsOf(new Commands(), Commands.class, "commands")
			.forEach(registry::register);
		this.dispatcher = JsonRpcDispatcher.builder(registry, this.mapper).build();
		StringBuilder batch = new StringBuilder("[");
		for (int i = 1; i <= 10; i++) {
			batch.append(i > 1 ? "," : "")
				.append("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,")
				.append(i)
				.append("],\"id\":")
				.append(i)
				.append('}');
		}
		this.batch10 = batch.append(']').toString().getBytes(StandardCharsets.UTF_8);
	}

	@Benchmark
	public byte @Nullable [] singleByName() {
		return this.dispatcher.handle(SINGLE, this.context).block();
	}

	@Benchmark
	public byte @Nullable [] echo() {
		return this.dispatcher.handle(ECHO, this.context).block();
	}

	@Benchmark
	public byte @Nullable [] batchOfTen() {
		return this.dispatcher.handle(this.batch10, this.context).block();
	}

	@Benchmark
	public byte[] parseAndWriteOnly() {
		return this.mapper.writeValueAsBytes(this.mapper.readTree(SINGLE));
	}

}
