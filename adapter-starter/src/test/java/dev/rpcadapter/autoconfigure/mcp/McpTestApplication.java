package dev.rpcadapter.autoconfigure.mcp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.command.McpExchange;
import dev.rpcadapter.command.ToolHints;
import jakarta.validation.constraints.Min;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** A server with plain and queued commands for the MCP tests. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class McpTestApplication {

	@Bean
	Tools mcpTestTools() {
		return new Tools();
	}

	@Bean
	ClientTools mcpClientTools() {
		return new ClientTools();
	}

	/** Tools that talk to the MCP client through the injected {@link McpExchange}. */
	public static class ClientTools {

		@JsonRpcCommand(name = "chatty", description = "Logs at three levels, then answers")
		public String chatty(McpExchange client) {
			client.log("debug", "details");
			client.log("info", "working");
			client.log("warning", "chatty", Map.of("disk", "almost full"));
			return "done";
		}

		@JsonRpcCommand(name = "ask", description = "Asks the client's model")
		public String ask(@CommandParam("prompt") String prompt, McpExchange client) {
			JsonNode answer = client.createMessage(Map.of("messages",
					List.of(Map.of("role", "user", "content", Map.of("type", "text", "text", prompt))), "maxTokens",
					10))
				.block();
			return "model said: " + answer.path("content").path("text").asString();
		}

		@JsonRpcCommand(name = "ask_reactive", description = "Asks the client's model without blocking")
		public Mono<String> askReactive(@CommandParam("prompt") String prompt, McpExchange client) {
			return client.createMessage(Map.of("messages",
					List.of(Map.of("role", "user", "content", Map.of("type", "text", "text", prompt))), "maxTokens",
					10))
				.map((answer) -> "model said: " + answer.path("content").path("text").asString());
		}

		@JsonRpcCommand(name = "confirm", description = "Asks the user from a queued job", queued = true)
		public String confirm(@CommandParam("question") String question, McpExchange client, JobContext job) {
			client.log("info", "asking from job " + job.jobId());
			JsonNode answer = client.elicit(Map.of("message", question, "requestedSchema",
					Map.of("type", "object", "properties", Map.of("ok", Map.of("type", "boolean")))))
				.block();
			return answer.path("action").asString() + ":" + answer.path("content").path("ok").asBoolean();
		}

		@JsonRpcCommand(name = "connected", description = "Whether an MCP client is on the line")
		public boolean connected(McpExchange client) {
			return client.isConnected();
		}

	}

	/** The tools. */
	public static class Tools {

		volatile CountDownLatch gate = new CountDownLatch(1);

		/** The result of {@code add}. */
		public record Sum(int sum) {
		}

		@JsonRpcCommand(name = "echo", description = "Echo a text")
		@ToolHints(title = "Echo", readOnly = true, idempotent = true, openWorld = false)
		public String echo(@CommandParam("text") String text) {
			return text;
		}

		@JsonRpcCommand(name = "add", description = "Add two numbers")
		public Sum add(@CommandParam("a") int a, @CommandParam("b") @Min(0) int b) {
			return new Sum(a + b);
		}

		@JsonRpcCommand(name = "fail", description = "Fails with a command error")
		public String fail() {
			throw new CommandException("the disk is full");
		}

		@JsonRpcCommand(name = "steps", description = "Reports progress over steps", queued = true)
		public int steps(@CommandParam("steps") @Min(1) int steps, @CommandParam("step_ms") @Min(0) long stepMs,
				JobContext job) throws InterruptedException {
			for (int step = 1; step <= steps; step++) {
				TimeUnit.MILLISECONDS.sleep(stepMs);
				job.progress(100 * step / steps, "step " + step + " of " + steps);
			}
			return steps;
		}

		@JsonRpcCommand(name = "gated", description = "Waits for the test's gate; stops when asked", queued = true)
		public String gated(JobContext job) throws InterruptedException {
			while (!this.gate.await(20, TimeUnit.MILLISECONDS)) {
				if (job.isStopRequested()) {
					throw new InterruptedException("stopped");
				}
			}
			return "opened";
		}

	}

}
