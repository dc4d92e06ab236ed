package dev.rpcadapter.autoconfigure.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

/**
 * A server whose commands are those of the JSON-RPC 2.0 specification's examples, plus a
 * few failure cases.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ConformanceTestApplication {

	@Bean
	SpecCommands specCommands() {
		return new SpecCommands();
	}

	@Bean
	FailureCommands failureCommands() {
		return new FailureCommands();
	}

	/** The methods used by the examples of JSON-RPC 2.0 §7. */
	public static class SpecCommands {

		final AtomicInteger notifications = new AtomicInteger();

		@JsonRpcCommand(name = "subtract", description = "Subtract subtrahend from minuend")
		public int subtract(@CommandParam("minuend") int minuend, @CommandParam("subtrahend") int subtrahend) {
			return minuend - subtrahend;
		}

		@JsonRpcCommand(name = "sum", description = "Add three numbers")
		public int sum(@CommandParam("a") int a, @CommandParam("b") int b, @CommandParam("c") int c) {
			return a + b + c;
		}

		@JsonRpcCommand(name = "get_data", description = "Return sample data")
		public List<Object> getData() {
			return List.of("hello", 5);
		}

		@JsonRpcCommand(name = "notify_hello", description = "Accept a notification")
		public void notifyHello(@CommandParam("value") int value) {
			this.notifications.incrementAndGet();
		}

		@JsonRpcCommand(name = "notify_sum", description = "Accept a notification with three numbers")
		public void notifySum(@CommandParam("a") int a, @CommandParam("b") int b, @CommandParam("c") int c) {
			this.notifications.incrementAndGet();
		}

		@JsonRpcCommand(name = "update", description = "Accept an update of five numbers")
		public void update(@CommandParam("a") int a, @CommandParam("b") int b, @CommandParam("c") int c,
				@CommandParam("d") int d, @CommandParam("e") int e) {
			this.notifications.incrementAndGet();
		}

	}

	/** Commands that fail in each of the ways a client can observe. */
	public static class FailureCommands {

		@JsonRpcCommand(name = "divide", description = "Divide a by b")
		public double divide(@CommandParam("a") double a, @CommandParam("b") double b) {
			if (b == 0) {
				throw CommandException.withData("Division by zero", Map.of("a", a, "b", b));
			}
			return a / b;
		}

		@JsonRpcCommand(name = "crash", description = "Fail with an unexpected exception")
		public String crash() {
			throw new IllegalStateException("java.lang.secret at dev.rpcadapter.Hidden");
		}

		@JsonRpcCommand(name = "nap", description = "Never answer within the timeout", timeout = "200ms")
		public Mono<String> nap() {
			return Mono.delay(Duration.ofSeconds(10)).thenReturn("late");
		}

		@JsonRpcCommand(name = "greet", description = "Greet someone")
		public String greet(@CommandParam("name") @NotBlank String name,
				@CommandParam(value = "times", defaultValue = "1") @Min(1) @Max(3) int times) {
			return ("Hello, " + name + "! ").repeat(times).trim();
		}

	}

}
