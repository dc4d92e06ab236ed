package dev.rpcadapter.queue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.ILoggerFactory;

/**
 * Hands logging events of job threads (MDC {@value JobLogCapture#MDC_KEY}) to the job's
 * log.
 */
final class LogbackJobLogAppender extends AppenderBase<ILoggingEvent> {

	static final String NAME = "adapter-job-logs";

	static void attach(ILoggerFactory factory) {
		if (!(factory instanceof LoggerContext context)) {
			return;
		}
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		if (root.getAppender(NAME) != null) {
			return;
		}
		LogbackJobLogAppender appender = new LogbackJobLogAppender();
		appender.setName(NAME);
		appender.setContext(context);
		appender.start();
		root.addAppender(appender);
	}

	@Override
	protected void append(ILoggingEvent event) {
		JobLog log = JobLogCapture.of(event.getMDCPropertyMap().get(JobLogCapture.MDC_KEY));
		if (log != null) {
			log.append(event.getLevel().toString(), event.getFormattedMessage());
		}
	}

}
