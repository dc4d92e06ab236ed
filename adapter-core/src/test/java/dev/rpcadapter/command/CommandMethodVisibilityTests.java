package dev.rpcadapter.command;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rpcadapter.method.AnnotatedCommandFactory;
import dev.rpcadapter.schema.SchemaGenerator;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Annotated methods of any visibility register; those that cannot be called fail, never
 * get skipped.
 */
class CommandMethodVisibilityTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final AnnotatedCommandFactory factory = AnnotatedCommandFactory.create(mapper,
			SchemaGenerator.create(mapper), null, Schedulers.immediate());

	private static Object call(List<Command> commands, String name, String params) {
		Command command = commands.stream().filter((c) -> c.name().equals(name)).findFirst().orElseThrow();
		return command.handler()
			.prepare(mapper.readTree(params))
			.execute(Caller.ANONYMOUS, JobContext.NONE)
			.block(Duration.ofSeconds(5));
	}

	private static List<String> names(List<Command> commands) {
		return commands.stream().map(Command::name).toList();
	}

	@Test
	void packagePrivateAndPrivateMethodsOfAPackagePrivateClassRegisterAndRun() {
		List<Command> commands = this.factory.commandsOf(new MathCommands(), MathCommands.class, "math");
		assertThat(names(commands)).containsExactly("negate", "subtract");
		assertThat(call(commands, "subtract", "{\"minuend\": 42, \"subtrahend\": 23}")).isEqualTo(19L);
		assertThat(call(commands, "negate", "[5]")).isEqualTo(-5);
		assertThat(AnnotatedCommandFactory.declaresCommands(MathCommands.class)).isTrue();
		assertThat(AnnotatedCommandFactory.declaresCommands(String.class)).isFalse();
	}

	@Test
	void inheritedProtectedMethodRegistersOnceAndAnOverrideRunsTheSubclass() {
		List<Command> commands = this.factory.commandsOf(new Loud(), Loud.class, "loud");
		assertThat(names(commands)).containsExactly("shout", "whisper");
		assertThat(call(commands, "shout", "{\"text\": \"hi\"}")).isEqualTo("HI!");
		assertThat(call(commands, "whisper", "{\"text\": \"HI\"}")).isEqualTo("hi");
	}

	@Test
	void annotationsOnInterfaceMethodsCountWithTheirParameterNames() {
		List<Command> commands = this.factory.commandsOf(new GreeterImpl(), GreeterImpl.class, "greeter");
		assertThat(names(commands)).containsExactly("greet", "wave");
		assertThat(call(commands, "greet", "{\"who\": \"Ada\"}")).isEqualTo("Hello, Ada");
		assertThat(call(commands, "wave", "{}")).isEqualTo("o/");
		Command greet = commands.stream().filter((c) -> c.name().equals("greet")).findFirst().orElseThrow();
		assertThat(greet.descriptor().params()).extracting(CommandDescriptor.ParamInfo::name).containsExactly("who");
	}

	@Test
	void interfaceProxyCallsTheInterfaceMethod() {
		GreeterImpl target = new GreeterImpl();
		AtomicInteger calls = new AtomicInteger();
		Object proxy = jdkProxy(target, calls);
		List<Command> commands = this.factory.commandsOf(proxy, GreeterImpl.class, "greeter");
		assertThat(call(commands, "greet", "{\"who\": \"Bob\"}")).isEqualTo("Hello, Bob");
		assertThat(calls).hasValue(1);
	}

	@Test
	void classOnlyMethodBehindAnInterfaceProxyFailsStartup() {
		Object proxy = jdkProxy(new GreeterWithExtra(), new AtomicInteger());
		assertThatExceptionOfType(CommandMethodNotInvocableException.class)
			.isThrownBy(() -> this.factory.commandsOf(proxy, GreeterWithExtra.class, "greeter"))
			.satisfies((ex) -> assertThat(ex.source()).isEqualTo("greeter#extra"))
			.satisfies((ex) -> assertThat(ex.reason()).contains("interface-based (JDK) proxy"))
			.satisfies((ex) -> assertThat(ex.fix()).contains("interface"));
	}

	@Test
	void classProxyCallsOverriddenPackagePrivateMethodsThroughTheProxy() {
		Counter target = new Counter();
		CounterProxy proxy = new CounterProxy(target);
		List<Command> commands = this.factory.commandsOf(proxy, Counter.class, "counter", true);
		assertThat(call(commands, "count", "{}")).isEqualTo(1);
		assertThat(proxy.intercepted).hasValue(1);
	}

	@Test
	void privateOrFinalMethodsBehindAClassProxyFailStartup() {
		assertThatExceptionOfType(CommandMethodNotInvocableException.class)
			.isThrownBy(() -> this.factory.commandsOf(new SecretProxy(), Secret.class, "secret", true))
			.satisfies((ex) -> assertThat(ex.reason()).contains("private", "class-based proxy"))
			.satisfies((ex) -> assertThat(ex.fix()).contains("package-private"));
		assertThatExceptionOfType(CommandMethodNotInvocableException.class)
			.isThrownBy(() -> this.factory.commandsOf(new SealedProxy(), Sealed.class, "sealed", true))
			.satisfies((ex) -> assertThat(ex.reason()).contains("final"));
	}

	@Test
	void privateMethodOnAPlainBeanIsFine() {
		List<Command> commands = this.factory.commandsOf(new Secret(), Secret.class, "secret");
		assertThat(call(commands, "secret", "{}")).isEqualTo("s3cr3t");
	}

	@Test
	void staticMethodFailsStartup() {
		assertThatExceptionOfType(CommandMethodNotInvocableException.class)
			.isThrownBy(() -> this.factory.commandsOf(new StaticOnly(), StaticOnly.class, "statics"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("it is static"));
	}

	private static Object jdkProxy(Object target, AtomicInteger calls) {
		InvocationHandler handler = (p, method, args) -> {
			calls.incrementAndGet();
			return method.invoke(target, args);
		};
		return Proxy.newProxyInstance(Greeter.class.getClassLoader(), new Class<?>[] { Greeter.class }, handler);
	}

	static class MathCommands {

		@JsonRpcCommand(name = "subtract", description = "Subtract two numbers")
		long subtract(@CommandParam("minuend") long minuend, @CommandParam("subtrahend") long subtrahend) {
			return minuend - subtrahend;
		}

		@JsonRpcCommand
		private int negate(int value) {
			return -value;
		}

		int notACommand() {
			return 0;
		}

	}

	static class Quiet {

		@JsonRpcCommand(name = "shout")
		protected String shout(String text) {
			return text.toUpperCase();
		}

		@JsonRpcCommand(name = "whisper")
		String whisper(String text) {
			return text.toLowerCase();
		}

	}

	static class Loud extends Quiet {

		@Override
		protected String shout(String text) {
			return super.shout(text) + "!";
		}

	}

	interface Greeter {

		@JsonRpcCommand(name = "greet")
		String greet(@CommandParam("who") String name);

		@JsonRpcCommand(name = "wave")
		default String wave() {
			return "o/";
		}

	}

	static class GreeterImpl implements Greeter {

		@Override
		public String greet(String name) {
			return "Hello, " + name;
		}

	}

	static class GreeterWithExtra extends GreeterImpl {

		@JsonRpcCommand
		String extra() {
			return "unreachable through the interface proxy";
		}

	}

	static class Counter {

		private final AtomicInteger count = new AtomicInteger();

		@JsonRpcCommand
		int count() {
			return this.count.incrementAndGet();
		}

	}

	/**
	 * What CGLIB generates: a subclass that overrides what it can and forwards to a
	 * target.
	 */
	static class CounterProxy extends Counter {

		final AtomicInteger intercepted = new AtomicInteger();

		private final Counter target;

		CounterProxy(Counter target) {
			this.target = target;
		}

		@Override
		int count() {
			this.intercepted.incrementAndGet();
			return this.target.count();
		}

	}

	static class Secret {

		@JsonRpcCommand
		private String secret() {
			return "s3cr3t";
		}

	}

	static class SecretProxy extends Secret {

	}

	static class Sealed {

		@JsonRpcCommand
		final String sealed() {
			return "sealed";
		}

	}

	static class SealedProxy extends Sealed {

	}

	static class StaticOnly {

		@JsonRpcCommand
		static String constant() {
			return "c";
		}

	}

}
