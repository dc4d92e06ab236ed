package dev.rpcadapter.testserver;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.JsonRpcCommand;

/** Queued commands of the test server, to run as jobs through the proxy. */
public class JobCommands {

	@JsonRpcCommand(name = "count_to", description = "Counts to n, a step every 20 ms, reporting progress (queued)",
			queued = true, timeout = "30s")
	public Map<String, Integer> countTo(@CommandParam("n") int n, JobContext job) {
		for (int i = 1; i <= n; i++) {
			pause(Duration.ofMillis(20));
			job.progress(100 * i / n, "counted " + i + " of " + n);
		}
		return Map.of("counted", n);
	}

	@JsonRpcCommand(name = "wait_for_stop", description = "Runs until it is asked to stop (queued; stoppable)",
			queued = true, timeout = "30s")
	public String waitForStop(JobContext job) {
		job.progress(10, "waiting for a stop");
		while (!job.isStopRequested()) {
			pause(Duration.ofMillis(10));
		}
		return "stopped on request";
	}

	private static void pause(Duration duration) {
		LockSupport.parkNanos(duration.toNanos());
	}

}
