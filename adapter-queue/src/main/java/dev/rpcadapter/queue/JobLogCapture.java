package dev.rpcadapter.queue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Captures SLF4J logging done on a job's thread into the job's log: the worker sets the
 * MDC key {@value #MDC_KEY} while the command runs, and a Logback appender (added to the
 * root logger once, when Logback is the backend) hands such events to the job's
 * {@link JobLog}.
 */
final class JobLogCapture {

	/** The MDC key holding the id of the job the thread runs. */
	static final String MDC_KEY = "adapter.job_id";

	private static final Map<String, JobLog> active = new ConcurrentHashMap<>();

	private static volatile boolean installed;

	private JobLogCapture() {
	}

	/** Adds the appender if Logback is the SLF4J backend (once per JVM). */
	static synchronized void install() {
		if (installed) {
			return;
		}
		installed = true;
		try {
			Class.forName("ch.qos.logback.classic.LoggerContext", false, JobLogCapture.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			return;
		}
		LogbackJobLogAppender.attach(LoggerFactory.getILoggerFactory());
	}

	/** Marks the current thread as running {@code jobId}. */
	static void begin(String jobId, JobLog log) {
		active.put(jobId, log);
		MDC.put(MDC_KEY, jobId);
	}

	static void end(String jobId) {
		MDC.remove(MDC_KEY);
		active.remove(jobId);
	}

	static @Nullable JobLog of(@Nullable String jobId) {
		return (jobId != null) ? active.get(jobId) : null;
	}

}
