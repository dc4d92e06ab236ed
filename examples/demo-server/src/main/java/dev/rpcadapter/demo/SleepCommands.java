package dev.rpcadapter.demo;

import java.util.concurrent.TimeUnit;

import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.JsonRpcCommand;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A non-queued command that may outlive {@code adapter.queue.sync-cap} (5 s in this
 * demo): a longer call is handed to the queue as a running job, answered with
 * {@code queued_after_timeout}.
 */
@Component
public class SleepCommands {

	private static final Logger logger = LoggerFactory.getLogger(SleepCommands.class);

	/** The result of {@code sleep}. */
	public record Slept(double seconds) {
	}

	@JsonRpcCommand(name = "sleep",
			description = "Sleep for `seconds` (not queued; past the sync cap it becomes a job)", timeout = "10m")
	public Slept sleep(@CommandParam(value = "seconds", description = "how long to sleep",
			defaultValue = "1") @Min(0) @Max(600) double seconds, JobContext job) throws InterruptedException {
		long end = System.nanoTime() + (long) (seconds * 1e9);
		int second = 0;
		while (System.nanoTime() < end) {
			if (job.isStopRequested()) {
				throw new InterruptedException("stopped");
			}
			TimeUnit.MILLISECONDS.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
			second++;
			job.progress((int) (100 * Math.min(1.0, second / Math.max(seconds, 1e-9))), "slept " + second + " s");
			job.log("slept " + second + " s");
		}
		logger.info("woke up after {} s", seconds);
		return new Slept(seconds);
	}

}
