package dev.rpcadapter.autoconfigure.mcp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.command.ToolHints;
import jakarta.validation.constraints.Min;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A server with plain and queued commands for the MCP tests. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class McpTestApplication {

	@Bean
	Tools mcpTestTools() {
		return new Tools();
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
