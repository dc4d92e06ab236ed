package dev.rpcadapter.bench.servlet;

import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * {@code echo({"message": s}) -> {"message": s}} at {@code POST /api/jsonrpc}, served by the
 * adapter's servlet transport in a Spring MVC application on Tomcat (Boot's defaults).
 */
@SpringBootApplication
public class ServletEchoApplication {

	public static void main(String[] args) {
		SpringApplication.run(ServletEchoApplication.class, args);
	}

	@Bean
	EchoCommands echoCommands() {
		return new EchoCommands();
	}

	/** The benchmark's one command. */
	public static class EchoCommands {

		@JsonRpcCommand(name = "echo", description = "Echo a message")
		public Echo echo(@CommandParam("message") String message) {
			return new Echo(message);
		}
	}

	/** The echo's result. */
	public record Echo(String message) {
	}
}
