package dev.rpcadapter.dispatch;

import java.time.Instant;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.PreparedCall;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.ContextView;

/**
 * A non-queued call run under a sync cap. The command runs once, subscribed here; the
 * request waits for its outcome until the cap, and if it is still running the queue
 * adopts this call: the same invocation goes on and its outcome becomes the job's. The
 * call is also the command's {@link JobContext}, forwarding to the job once attached, and
 * knows the thread of a blocking command so a stop or a timeout can interrupt it.
 */
final class HandOffCall implements RunningCall, JobContext {

	private final Instant startedAt = Instant.now();

	private final Sinks.One<Object> outcome = Sinks.one();

	private volatile JobContext job = JobContext.NONE;

	private volatile boolean handingOff;

	private @Nullable Disposable subscription;

	private @Nullable Thread thread;

	private boolean interrupted;

	/**
	 * Starts the work, with the request's Reactor context (the MCP transport passes the
	 * call's exchange in it).
	 */
	void start(PreparedCall prepared, Caller caller, ContextView context) {
		Disposable subscription = prepared.execute(caller, this)
			.contextWrite(context)
			.subscribe(this.outcome::tryEmitValue, this.outcome::tryEmitError, this.outcome::tryEmitEmpty);
		synchronized (this) {
			this.subscription = subscription;
		}
	}

	/**
	 * Marks that the cap passed: cancelling the request's wait no longer cancels the
	 * work.
	 */
	void handingOff() {
		this.handingOff = true;
	}

	/** The request went away before the cap: the work is cancelled, as without a cap. */
	void requestCancelled() {
		if (!this.handingOff) {
			dispose();
		}
	}

	@Override
	public synchronized void bindThread(Thread current) {
		this.thread = current;
	}

	@Override
	public synchronized void unbindThread() {
		this.thread = null;
		if (this.interrupted) {
			Thread.interrupted();
		}
	}

	@Override
	public synchronized void interrupt() {
		this.interrupted = true;
		if (this.thread != null) {
			this.thread.interrupt();
			return;
		}
		dispose();
		this.outcome.tryEmitError(new InterruptedException("interrupted"));
	}

	private synchronized void dispose() {
		if (this.subscription != null) {
			this.subscription.dispose();
		}
	}

	@Override
	public Instant startedAt() {
		return this.startedAt;
	}

	@Override
	public Mono<Object> outcome() {
		return this.outcome.asMono();
	}

	@Override
	public void attach(JobContext job) {
		this.job = job;
	}

	@Override
	public String jobId() {
		return this.job.jobId();
	}

	@Override
	public void progress(int percent, String description) {
		this.job.progress(percent, description);
	}

	@Override
	public void log(String level, String message) {
		this.job.log(level, message);
	}

	@Override
	public boolean isStopRequested() {
		return this.job.isStopRequested();
	}

}
