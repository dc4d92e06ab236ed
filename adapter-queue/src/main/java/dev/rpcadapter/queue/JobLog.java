package dev.rpcadapter.queue;

import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of one job running on this node: numbers its lines (continuing after a previous
 * run's) and writes them through to the store, capped per job. A failing write never
 * fails the job.
 */
final class JobLog {

	private static final Logger logger = LoggerFactory.getLogger(JobLog.class);

	private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

	/**
	 * Set while a line is written, so the store's own logging is not captured into the
	 * log.
	 */
	private static final ThreadLocal<Boolean> WRITING = new ThreadLocal<>();

	private final QueueSettings settings;

	private final String jobId;

	private final java.util.function.BiConsumer<String, JobLogLine> published;

	private long seq = -1;

	JobLog(QueueSettings settings, String jobId, java.util.function.BiConsumer<String, JobLogLine> published) {
		this.settings = settings;
		this.jobId = jobId;
		this.published = published;
	}

	void append(String level, String message) {
		if (WRITING.get() != null) {
			return;
		}
		WRITING.set(Boolean.TRUE);
		try {
			write(level, message);
		}
		catch (RuntimeException ex) {
			logger.debug("Cannot store a log line of job {}", this.jobId, ex);
		}
		finally {
			WRITING.remove();
		}
	}

	private synchronized void write(String level, String message) {
		if (this.seq < 0) {
			this.seq = this.settings.store().lastLogSeq(this.jobId);
		}
		String normalized = level.toUpperCase(Locale.ROOT);
		JobLogLine line = new JobLogLine(++this.seq, this.settings.clock().instant(),
				LEVELS.contains(normalized) ? normalized : "INFO", message);
		this.settings.store().appendLog(this.jobId, line, this.settings.limits().maxLogLines());
		this.published.accept(this.jobId, line);
	}

}
