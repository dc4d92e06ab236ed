package dev.rpcadapter.autoconfigure.queue;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.JsonRpcCommand;
import jakarta.validation.constraints.Min;

/**
 * Queued commands of the queue integration tests. Each application context has its own
 * instance, so a test can tell which node ran a job ({@link #ran()}).
 */
public class QueueTestCommands {

	private final Set<String> ran = ConcurrentHashMap.newKeySet();

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	private volatile CountDownLatch gate = new CountDownLatch(1);

	private final java.util.concurrent.atomic.AtomicInteger syncRuns = new java.util.concurrent.atomic.AtomicInteger();

	/** The result of {@code q_steps}. */
	public record Steps(int steps, boolean stopped) {
	}

	@JsonRpcCommand(name = "q_echo", description = "Echo text as a job", queued = true, recoverable = true)
	public String echo(@CommandParam("text") String text, JobContext job) {
		this.ran.add(job.jobId());
		return text;
	}

	@JsonRpcCommand(name = "q_steps", description = "Report progress over steps", queued = true)
	public Steps steps(@CommandParam("steps") @Min(1) int steps, @CommandParam("step_ms") @Min(0) long stepMs,
			JobContext job) throws InterruptedException {
		this.ran.add(job.jobId());
		for (int step = 1; step <= steps; step++) {
			TimeUnit.MILLISECONDS.sleep(stepMs);
			job.progress(100 * step / steps, "step " + step + " of " + steps);
		}
		return new Steps(steps, false);
	}

	@JsonRpcCommand(name = "q_fail", description = "Fails with a command error", queued = true)
	public String fail(@CommandParam("reason") String reason) {
		throw CommandException.withData("Job failed: " + reason, Map.of("reason", reason));
	}

	@JsonRpcCommand(name = "q_slow", description = "Sleeps past its 300 ms timeout", queued = true, timeout = "300ms")
	public String slow() throws InterruptedException {
		TimeUnit.MINUTES.sleep(1);
		return "too late";
	}

	@JsonRpcCommand(name = "q_gate", description = "Waits for the test's gate; stops when asked", queued = true)
	public String gate(JobContext job) throws InterruptedException {
		this.ran.add(job.jobId());
		this.running.add(job.jobId());
		try {
			while (!this.gate.await(10, TimeUnit.MILLISECONDS)) {
				if (job.isStopRequested()) {
					return "stopped early";
				}
			}
			job.log("through the gate");
			return "passed";
		}
		finally {
			this.running.remove(job.jobId());
		}
	}

	@JsonRpcCommand(name = "s_gate", description = "Not queued: waits for the test's gate; counts its runs")
	public String syncGate(JobContext job) throws InterruptedException {
		this.syncRuns.incrementAndGet();
		while (!this.gate.await(10, TimeUnit.MILLISECONDS)) {
			if (job.isStopRequested()) {
				return "stopped early";
			}
		}
		job.progress(90, "through the gate");
		return "passed";
	}

	/** How often {@code s_gate} began. */
	public int syncRuns() {
		return this.syncRuns.get();
	}

	@JsonRpcCommand(name = "q_stubborn", description = "Ignores the stop flag; only an interrupt ends it",
			queued = true)
	public String stubborn() throws InterruptedException {
		TimeUnit.MINUTES.sleep(1);
		return "finished";
	}

	/** Ids of the jobs that ran on this node. */
	public Set<String> ran() {
		return this.ran;
	}

	/** Ids of the {@code q_gate} jobs waiting at the gate on this node. */
	public Set<String> running() {
		return this.running;
	}

	/** Lets every waiting and future {@code q_gate} job pass. */
	public void openGate() {
		this.gate.countDown();
	}

	/** Makes future {@code q_gate} jobs wait again. */
	public void closeGate() {
		this.gate = new CountDownLatch(1);
	}

}
