package dev.rpcadapter.bench.servlet;

import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The adapter in a Spring MVC application on Tomcat (Boot's defaults), nothing else: its
 * built-in {@code echo} ({@code {"message": s}} → {@code {"message": s}}, the command the
 * Reactor Netty benchmark calls) at {@code POST /api/jsonrpc}, served by the servlet
 * transport. With {@code --bench.method-echo=true} an application's own
 * {@code @JsonRpcCommand} method (blocking, by default) takes the name instead.
 */
@SpringBootApplication
public class ServletEchoApplication {

	public static void main(String[] args) {
		SpringApplication.run(ServletEchoApplication.class, args);
	}

	@Bean
	@ConditionalOnProperty("bench.method-echo")
	MethodEcho methodEcho() {
		return new MethodEcho();
	}

	/** {@code echo} as an application would write it. */
	public static class MethodEcho {

		@JsonRpcCommand(name = "echo", description = "Echo a message")
		public Echo echo(@CommandParam("message") String message) {
			return new Echo(message);
		}

	}

	/** The echo's result. */
	public record Echo(String message) {
	}

}
