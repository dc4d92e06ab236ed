package dev.rpcadapter.autoconfigure.security;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A server with a few commands for the security tests: {@code add}, {@code secret},
 * {@code report} (queued), {@code whoami}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class SecureTestApplication {

	@Bean
	TestCommands testCommands() {
		return new TestCommands();
	}

	/** Commands with different permissions in the tests' role maps. */
	public static class TestCommands {

		@JsonRpcCommand(name = "add", description = "Add two numbers")
		public int add(@CommandParam("a") int a, @CommandParam("b") int b) {
			return a + b;
		}

		@JsonRpcCommand(name = "secret", description = "Only for admins")
		public String secret() {
			return "the secret";
		}

		@JsonRpcCommand(name = "report", description = "A queued command: its job belongs to the caller", queued = true)
		public String report(@CommandParam("title") String title) {
			return "report " + title;
		}

		@JsonRpcCommand(name = "whoami", description = "The caller's principal and roles")
		public Map<String, Object> whoami(Caller caller) {
			return Map.of("principal", caller.principal(), "roles", List.copyOf(new TreeSet<>(caller.roles())),
					"attributes", caller.attributes());
		}

	}

}
