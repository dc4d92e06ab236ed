package dev.rpcadapter.autoconfigure.web.servlet;

import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A servlet (Tomcat) application with a few commands, one of them queued. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class ServletTestApplication {

	@Bean
	Commands servletTestCommands() {
		return new Commands();
	}

	/** The commands the servlet transport tests call. */
	public static class Commands {

		@JsonRpcCommand(name = "echo", description = "Echo a message")
		public String echo(@CommandParam("message") String message) {
			return message;
		}

		@JsonRpcCommand(name = "subtract", description = "Subtract subtrahend from minuend")
		public int subtract(@CommandParam("minuend") int minuend, @CommandParam("subtrahend") int subtrahend) {
			return minuend - subtrahend;
		}

		@JsonRpcCommand(name = "thread", description = "The name of the thread the command runs on")
		public String thread() {
			return Thread.currentThread().getName();
		}

		@JsonRpcCommand(name = "nap", description = "Sleeps past its timeout", timeout = "200ms")
		public String nap() throws InterruptedException {
			Thread.sleep(10_000); // stands for blocking work
			return "woke up";
		}

		@JsonRpcCommand(name = "report", description = "A queued command", queued = true)
		public String report(@CommandParam("title") String title) {
			return "report " + title;
		}

	}

}
