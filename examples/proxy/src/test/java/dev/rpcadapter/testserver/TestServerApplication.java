package dev.rpcadapter.testserver;

import java.time.Duration;
import java.util.Map;

import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * An adapter server that registers with the proxy under test (outside the proxy's scanned
 * package).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(OwnNettyResources.class)
public class TestServerApplication {

	@Bean
	MathCommands mathCommands() {
		return new MathCommands();
	}

	@Bean
	JobCommands jobCommands() {
		return new JobCommands();
	}

	public static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(TestServerApplication.class).web(WebApplicationType.REACTIVE)
			// its own config name: the proxy's application.yml is on the test class path
			// too
			.properties("spring.config.name=test-server")
			.run(args(properties));
	}

	private static String[] args(String... properties) {
		return args(java.util.List.of("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
				"spring.application.name=test-server", "adapter.registration.heartbeat-interval=200ms",
				"adapter.registration.initial-backoff=50ms", "adapter.registration.max-backoff=400ms",
				"adapter.registration.request-timeout=1s"), properties);
	}

	/**
	 * {@code key=value} pairs as command-line arguments (which win over application.yml);
	 * later keys win.
	 */
	public static String[] args(java.util.List<String> defaults, String... properties) {
		java.util.Map<String, String> byKey = new java.util.LinkedHashMap<>();
		java.util.stream.Stream.concat(defaults.stream(), java.util.stream.Stream.of(properties))
			.forEach((p) -> byKey.put(p.substring(0, p.indexOf('=')), p));
		return byKey.values().stream().map((p) -> "--" + p).toArray(String[]::new);
	}

	/** Commands to call through the proxy. */
	public static class MathCommands {

		@JsonRpcCommand(name = "add", description = "Add two numbers")
		public int add(@CommandParam("a") int a, @CommandParam("b") int b) {
			return a + b;
		}

		@JsonRpcCommand(name = "whoami", description = "Who the server sees calling: principal and roles")
		public Map<String, Object> whoami(dev.rpcadapter.command.Caller caller) {
			return Map.of("principal", caller.principal(), "roles", new java.util.TreeSet<>(caller.roles()));
		}

		@JsonRpcCommand(name = "refuse", description = "Always fails with an application error")
		public int refuse() {
			throw new CommandException(-32010, "refused on purpose", Map.of("reason", "test"));
		}

		@JsonRpcCommand(name = "slow_add", description = "Adds after a short pause (a non-trivial call)")
		public reactor.core.publisher.Mono<Integer> slowAdd(@CommandParam("a") int a, @CommandParam("b") int b) {
			return reactor.core.publisher.Mono.delay(Duration.ofMillis(50)).thenReturn(a + b);
		}

	}

}
