package dev.rpcadapter.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Injected into a queued command: reports progress, tells whether a stop was requested,
 * and names the job. Declare a parameter of this type on a command method to receive it.
 */
public interface JobContext {

	/** The job's id, as returned to the caller. */
	String jobId();

	/**
	 * Reports progress.
	 * @param percent 0..100 (clamped)
	 * @param description what the job is doing; at most 1024 characters (longer is
	 * truncated)
	 */
	void progress(int percent, String description);

	/**
	 * Whether a stop was requested; a cooperative command returns soon after it sees
	 * {@code true}.
	 */
	boolean isStopRequested();

	/**
	 * Adds a line to the job's log ({@code queue_get_job_logs}); lines beyond
	 * {@code adapter.queue.max-log-lines} push out the oldest. SLF4J logging on the job's
	 * thread is captured too when Logback is the logging backend.
	 * @param level {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN} or
	 * {@code ERROR}
	 */
	default void log(String level, String message) {
	}

	/** Adds an {@code INFO} line to the job's log. */
	default void log(String message) {
		log("INFO", message);
	}

	/**
	 * Publishes a file the job produced as an artifact: it is stored as a completed
	 * transfer owned by the job's caller, listed in the job's status ({@code artifacts})
	 * and announced to the job's {@code /ws} subscribers ({@code artifact_ready}). The
	 * file is copied; change or delete it afterwards as you like.
	 * @param name the file name clients see
	 * @param file the file to publish
	 * @return the transfer id to download it with
	 * @throws UnsupportedOperationException when transfers are off or the command is not
	 * queued
	 */
	default String artifact(String name, Path file) throws IOException {
		try (InputStream content = Files.newInputStream(file)) {
			return artifact(name, content);
		}
	}

	/**
	 * Publishes the content of a stream (read to its end, not closed) as an artifact; see
	 * {@link #artifact(String, Path)}.
	 */
	default String artifact(String name, InputStream content) throws IOException {
		throw new UnsupportedOperationException(
				"Artifacts need a queued command and file transfers (adapter.transfers.enabled)");
	}

	/**
	 * A context for commands called directly (not as a job): no progress, never stopped.
	 */
	JobContext NONE = new JobContext() {
		@Override
		public String jobId() {
			return "";
		}

		@Override
		public void progress(int percent, String description) {
		}

		@Override
		public boolean isStopRequested() {
			return false;
		}
	};

}
