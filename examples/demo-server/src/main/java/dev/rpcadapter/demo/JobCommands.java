package dev.rpcadapter.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.JsonRpcCommand;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.stereotype.Component;

/**
 * Queued commands: the call returns a job_id at once; the work runs on the queue's
 * workers.
 */
@Component
public class JobCommands {

	/** The result of {@code chunk}. */
	public record Chunks(int count, List<String> chunks) {
	}

	/** The result of {@code long_task}. */
	public record TaskResult(int steps, double seconds) {
	}

	@JsonRpcCommand(name = "chunk", description = "Split a long text into chunks of `window` sentences (queued)",
			queued = true, timeout = "10m")
	public Chunks chunk(@CommandParam(value = "text", description = "the text to split") @NotBlank String text,
			@CommandParam(value = "window", description = "sentences per chunk",
					defaultValue = "3") @Min(1) @Max(100) int window,
			JobContext job) {
		List<String> sentences = Arrays.stream(text.split("(?<=[.!?])\\s+")).filter((s) -> !s.isBlank()).toList();
		List<String> chunks = new ArrayList<>();
		for (int i = 0; i < sentences.size(); i += window) {
			if (job.isStopRequested()) {
				return new Chunks(chunks.size(), chunks);
			}
			chunks.add(String.join(" ", sentences.subList(i, Math.min(sentences.size(), i + window))));
			job.progress((int) (100L * Math.min(sentences.size(), i + window) / sentences.size()),
					"chunked " + Math.min(sentences.size(), i + window) + " of " + sentences.size() + " sentences");
		}
		return new Chunks(chunks.size(), chunks);
	}

	@JsonRpcCommand(name = "long_task",
			description = "Work for `seconds`, reporting progress over `steps` steps (queued; stoppable)",
			queued = true, timeout = "1h")
	public TaskResult longTask(
			@CommandParam(value = "seconds", description = "how long to work",
					defaultValue = "5") @Min(0) @Max(3600) double seconds,
			@CommandParam(value = "steps", description = "how many progress steps",
					defaultValue = "10") @Min(1) @Max(1000) int steps,
			JobContext job) throws InterruptedException {
		long stepNanos = (long) (seconds * 1e9 / steps);
		for (int step = 1; step <= steps; step++) {
			if (job.isStopRequested()) {
				throw new InterruptedException("stopped at step " + step);
			}
			TimeUnit.NANOSECONDS.sleep(stepNanos);
			job.progress(100 * step / steps, "step " + step + " of " + steps);
		}
		return new TaskResult(steps, seconds);
	}

}
