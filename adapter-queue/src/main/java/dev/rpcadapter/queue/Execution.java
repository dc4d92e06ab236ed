package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.rpcadapter.command.JobContext;
import org.jspecify.annotations.Nullable;

/**
 * One job running on this node: the {@link JobContext} handed to the command, its stop
 * flag, and the timers that interrupt the worker thread on timeout or after the stop
 * grace period.
 */
final class Execution implements JobContext {

	private final Runnable interrupter;

	private final Consumer<Execution> progressSink;

	private volatile JobRecord current;

	private volatile @Nullable JobLog log;

	private volatile boolean stopRequested;

	private volatile boolean stopObserved;

	private volatile boolean progressDirty;

	private volatile long lastPersistNanos;

	private boolean done;

	private boolean timedOut;

	private boolean stopInterrupted;

	/** The {@link System#nanoTime()} after which the job has timed out. */
	private volatile long deadline = Long.MAX_VALUE;

	private @Nullable ScheduledFuture<?> stopTask;

	Execution(JobRecord running, Thread worker, Consumer<Execution> progressSink) {
		this(running, worker::interrupt, progressSink);
	}

	/**
	 * An execution whose work is interrupted by {@code interrupter} (a call adopted from
	 * a request).
	 */
	Execution(JobRecord running, Runnable interrupter, Consumer<Execution> progressSink) {
		this.current = running;
		this.interrupter = interrupter;
		this.progressSink = progressSink;
	}

	@Override
	public String jobId() {
		return this.current.jobId();
	}

	@Override
	public void progress(int percent, String description) {
		JobRecord base = this.current;
		this.current = new JobRecord(base.jobId(), base.command(), base.params(), base.owner(), base.status(), percent,
				description, null, null, base.stopRequested(), base.createdAt(), base.startedAt(), null,
				base.updatedAt(), base.node(), base.traceParent());
		this.progressDirty = true;
		this.progressSink.accept(this);
	}

	@Override
	public void log(String level, String message) {
		JobLog target = this.log;
		if (target != null) {
			target.append(level, message);
		}
	}

	void logTo(JobLog log) {
		this.log = log;
	}

	@Override
	public boolean isStopRequested() {
		boolean requested = this.stopRequested;
		if (requested) {
			this.stopObserved = true;
		}
		return requested;
	}

	JobRecord current() {
		return this.current;
	}

	void replaceCurrent(JobRecord record) {
		this.current = record;
	}

	/**
	 * Claims the pending progress write if one is due (always when {@code minInterval} is
	 * zero).
	 */
	boolean claimProgressWrite(Duration minInterval) {
		long now = System.nanoTime();
		if (!this.progressDirty || now - this.lastPersistNanos < minInterval.toNanos()) {
			return false;
		}
		this.progressDirty = false;
		this.lastPersistNanos = now;
		return true;
	}

	/** Sets the deadline that {@link #checkDeadline(long)} enforces. */
	void armTimeout(Duration timeout) {
		this.deadline = System.nanoTime() + timeout.toNanos();
	}

	/** Sets the deadline to {@code timeout} after the work began, {@code elapsed} ago. */
	void armTimeout(Duration timeout, Duration elapsed) {
		this.deadline = System.nanoTime() + timeout.minus(elapsed).toNanos();
	}

	/**
	 * Interrupts the worker once the deadline has passed (called by the runner's periodic
	 * sweep).
	 */
	void checkDeadline(long now) {
		if (now - this.deadline >= 0) {
			interrupt(true);
		}
	}

	/**
	 * Sets the stop flag; the worker is interrupted if the job still runs after
	 * {@code grace}.
	 */
	void requestStop(ScheduledExecutorService timer, Duration grace) {
		synchronized (this) {
			if (this.stopRequested || this.done) {
				return;
			}
			this.stopRequested = true;
		}
		ScheduledFuture<?> task = timer.schedule(() -> interrupt(false), grace.toNanos(), TimeUnit.NANOSECONDS);
		synchronized (this) {
			this.stopTask = task;
		}
	}

	private synchronized void interrupt(boolean timeout) {
		if (this.done || this.timedOut || this.stopInterrupted) {
			return;
		}
		if (timeout) {
			this.timedOut = true;
		}
		else {
			this.stopInterrupted = true;
		}
		this.interrupter.run();
	}

	/** Ends the execution: no interrupt can happen after this returns. */
	synchronized void finish() {
		this.done = true;
		cancel(this.stopTask);
	}

	synchronized boolean timedOut() {
		return this.timedOut;
	}

	/**
	 * Whether the stop took effect: the command saw the flag, or the interrupt ended it.
	 */
	synchronized boolean stopHonoured() {
		return this.stopInterrupted || (this.stopRequested && this.stopObserved);
	}

	private static void cancel(@Nullable ScheduledFuture<?> task) {
		if (task != null) {
			task.cancel(false);
		}
	}

}
