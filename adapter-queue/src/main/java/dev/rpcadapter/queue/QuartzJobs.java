package dev.rpcadapter.queue;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * The Quartz side of jobs: one non-durable {@link QueueJob} with a fire-now trigger per
 * job.
 */
final class QuartzJobs {

	static final String GROUP = "adapter-queue";

	private final Scheduler scheduler;

	private final SchedulerTransactions transactions;

	private final SchedulerWakeUp wakeUp;

	QuartzJobs(Scheduler scheduler, SchedulerTransactions transactions) {
		this.scheduler = scheduler;
		this.transactions = transactions;
		this.wakeUp = new SchedulerWakeUp(scheduler);
	}

	/**
	 * Schedules a job; Quartz re-runs it after a node failure only if
	 * {@code recoverable}.
	 */
	void schedule(String jobId, boolean recoverable) throws SchedulerException {
		JobDetail detail = JobBuilder.newJob(QueueJob.class)
			.withIdentity(jobId, GROUP)
			.requestRecovery(recoverable)
			.build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(jobId, GROUP)
			.forJob(detail)
			.startNow()
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		transactional(() -> this.scheduler.scheduleJob(detail, trigger));
		if (this.transactions != SchedulerTransactions.NONE) {
			this.wakeUp.wakeUp();
		}
	}

	/**
	 * Fires an existing job again after {@code delay} (a job over a concurrency limit).
	 * Called while its current trigger fires: the new trigger keeps the non-durable job
	 * alive after that one ends.
	 */
	void retryLater(String jobId, java.time.Duration delay) throws SchedulerException {
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(jobId + "#" + java.util.UUID.randomUUID(), GROUP)
			.forJob(new JobKey(jobId, GROUP))
			.startAt(java.util.Date.from(java.time.Instant.now().plus(delay)))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		transactional(() -> this.scheduler.scheduleJob(trigger));
		if (this.transactions != SchedulerTransactions.NONE) {
			this.wakeUp.wakeUp();
		}
	}

	boolean exists(String jobId) throws SchedulerException {
		return this.scheduler.checkExists(new JobKey(jobId, GROUP));
	}

	/**
	 * Removes the job and its trigger if still there (a stopped or deleted pending job).
	 */
	void remove(String jobId) throws SchedulerException {
		transactional(() -> this.scheduler.deleteJob(new JobKey(jobId, GROUP)));
	}

	private void transactional(SchedulerCall call) throws SchedulerException {
		try {
			this.transactions.inTransaction(() -> {
				try {
					call.run();
				}
				catch (SchedulerException ex) {
					throw new WrappedSchedulerException(ex);
				}
			});
		}
		catch (WrappedSchedulerException ex) {
			throw (SchedulerException) ex.getCause();
		}
	}

	/** A scheduler call. */
	@FunctionalInterface
	private interface SchedulerCall {

		void run() throws SchedulerException;

	}

	/** Carries a checked exception through a transaction callback. */
	private static final class WrappedSchedulerException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		WrappedSchedulerException(SchedulerException cause) {
			super(cause);
		}

	}

}
