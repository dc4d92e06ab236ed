package dev.rpcadapter.client;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.JsonRpcCommand;

/** Queued commands the client's job integration tests run on a real server. */
public class JobTestCommands {

	private volatile CountDownLatch gate = new CountDownLatch(1);

	/** The result of {@code job_steps}. */
	public record Steps(int steps) {
	}

	@JsonRpcCommand(name = "job_echo", description = "Echo text as a job", queued = true)
	public String echo(@CommandParam("text") String text) {
		return text;
	}

	@JsonRpcCommand(name = "job_steps", description = "Report progress over steps", queued = true)
	public Steps steps(@CommandParam("steps") int steps, @CommandParam("step_ms") long stepMs, JobContext job)
			throws InterruptedException {
		for (int step = 1; step <= steps; step++) {
			TimeUnit.MILLISECONDS.sleep(stepMs);
			job.progress(100 * step / steps, "step " + step + " of " + steps);
		}
		return new Steps(steps);
	}

	@JsonRpcCommand(name = "job_fail", description = "Fails with a command error", queued = true)
	public String fail(@CommandParam("reason") String reason) {
		throw CommandException.withData("Job failed: " + reason, Map.of("reason", reason));
	}

	@JsonRpcCommand(name = "job_gate", description = "Waits for the test's gate; stops when asked", queued = true)
	public String gate(JobContext job) throws InterruptedException {
		while (!this.gate.await(10, TimeUnit.MILLISECONDS)) {
			if (job.isStopRequested()) {
				return "stopped early";
			}
		}
		return "passed";
	}

	public void openGate() {
		this.gate.countDown();
	}

	public void closeGate() {
		this.gate = new CountDownLatch(1);
	}

}
