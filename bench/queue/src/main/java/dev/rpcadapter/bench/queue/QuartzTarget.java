package dev.rpcadapter.bench.queue;

import java.util.concurrent.atomic.AtomicLong;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * Plain Quartz on the same {@link Store}: one non-durable job with a fire-now trigger per
 * submit, exactly what the queue schedules, running a job that only counts.
 */
final class QuartzTarget implements BenchTarget {

	private static final String COUNTER = "bench.completed";

	private final Store store;

	private final AtomicLong completed = new AtomicLong();

	QuartzTarget(Store store) throws Exception {
		this.store = store;
		store.scheduler().getContext().put(COUNTER, this.completed);
		store.scheduler().start();
	}

	@Override
	public void submit(int sequence) throws Exception {
		JobDetail detail = JobBuilder.newJob(CountingJob.class).withIdentity("job-" + sequence, "bench").build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity("job-" + sequence, "bench")
			.forJob(detail)
			.startNow()
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		try {
			this.store.transactions().inTransaction(() -> {
				try {
					this.store.scheduler().scheduleJob(detail, trigger);
				}
				catch (SchedulerException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		catch (IllegalStateException ex) {
			throw (ex.getCause() instanceof SchedulerException cause) ? cause : ex;
		}
	}

	@Override
	public long completed() {
		return this.completed.get();
	}

	@Override
	public void close() throws Exception {
		this.store.close();
	}

	/** A trivial job: counts itself. */
	public static class CountingJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
			try {
				((AtomicLong) context.getScheduler().getContext().get(COUNTER)).incrementAndGet();
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
