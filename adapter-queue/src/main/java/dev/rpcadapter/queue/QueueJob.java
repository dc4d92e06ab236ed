package dev.rpcadapter.queue;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * The one Quartz job class of the queue. It finds the queue's runner in the scheduler
 * context and runs the job named by its key; the command is looked up in the full
 * registry at that moment.
 */
public final class QueueJob implements Job {

	/** The scheduler context key of the {@link JobRunner}. */
	static final String RUNNER_KEY = "dev.rpcadapter.queue.runner";

	@Override
	public void execute(JobExecutionContext context) throws JobExecutionException {
		Object runner;
		try {
			runner = context.getScheduler().getContext().get(RUNNER_KEY);
		}
		catch (SchedulerException ex) {
			throw new JobExecutionException("Scheduler context unavailable", ex);
		}
		if (!(runner instanceof JobRunner jobRunner)) {
			throw new JobExecutionException("No job queue is attached to this scheduler; job "
					+ context.getJobDetail().getKey().getName() + " cannot run");
		}
		jobRunner.run(context.getJobDetail().getKey().getName(), context.isRecovering());
	}

}
