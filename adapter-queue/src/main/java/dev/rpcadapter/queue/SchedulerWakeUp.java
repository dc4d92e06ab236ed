package dev.rpcadapter.queue;

import java.lang.reflect.Field;

import org.jspecify.annotations.Nullable;
import org.quartz.Scheduler;
import org.quartz.core.QuartzScheduler;
import org.quartz.impl.StdScheduler;
import org.quartz.spi.SchedulerSignaler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the local Quartz scheduler thread after a transaction that scheduled a job has
 * committed.
 * <p>
 * Quartz signals its scheduler thread inside {@code scheduleJob}, that is, inside the
 * queue's transaction on a JDBC store: the thread wakes, finds no committed trigger yet,
 * and sleeps for {@code idleWaitTime} (5 s by default), so a job submitted to an idle
 * node waited up to 5 s. Quartz's public {@link SchedulerSignaler} is reached through the
 * {@link StdScheduler} that Spring's {@code SchedulerFactoryBean} builds; for any other
 * scheduler this does nothing and the job starts within {@code idleWaitTime} as before.
 */
final class SchedulerWakeUp {

	private static final Logger logger = LoggerFactory.getLogger(SchedulerWakeUp.class);

	private final @Nullable SchedulerSignaler signaler;

	SchedulerWakeUp(Scheduler scheduler) {
		this.signaler = signalerOf(scheduler);
	}

	/** Tells the scheduler thread to look for triggers now. */
	void wakeUp() {
		if (this.signaler != null) {
			this.signaler.signalSchedulingChange(0L);
		}
	}

	private static @Nullable SchedulerSignaler signalerOf(Scheduler scheduler) {
		if (!(scheduler instanceof StdScheduler)) {
			return null;
		}
		try {
			Field field = StdScheduler.class.getDeclaredField("sched");
			field.setAccessible(true);
			return ((QuartzScheduler) field.get(scheduler)).getSchedulerSignaler();
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.debug("Cannot reach the Quartz scheduler signaler; new jobs start within idleWaitTime", ex);
			return null;
		}
	}

}
