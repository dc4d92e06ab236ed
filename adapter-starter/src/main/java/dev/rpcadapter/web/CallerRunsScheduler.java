package dev.rpcadapter.web;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * The scheduler of blocking commands for transports whose request threads may block (a
 * servlet container's): a command subscribed inside {@link #callerRuns} runs on the
 * calling thread, as a Spring MVC controller would, instead of being handed to the worker
 * pool and back. Everything else (batch elements, job work, WebSocket messages, delayed
 * and direct tasks) goes to the pool. Disposing an inline task that is still running
 * interrupts its thread, as the pool does on a timeout.
 * <p>
 * Inline runs are off while {@code enabled} says so: a sync cap must be able to answer
 * while the command still runs, so commands under one always run on the pool.
 */
public final class CallerRunsScheduler implements Scheduler {

	private static final ThreadLocal<Boolean> INLINE = new ThreadLocal<>();

	private final Scheduler pool;

	private final BooleanSupplier enabled;

	/**
	 * @param pool where tasks run when not inline (the blocking commands' pool)
	 * @param enabled whether inline runs are allowed at all (asked per run)
	 */
	public CallerRunsScheduler(Scheduler pool, BooleanSupplier enabled) {
		this.pool = pool;
		this.enabled = enabled;
	}

	/**
	 * Runs the action with one inline run allowed on this thread: the first task
	 * scheduled within it (a command's subscription) runs here.
	 */
	public static <T> T callerRuns(Supplier<T> action) {
		INLINE.set(Boolean.TRUE);
		try {
			return action.get();
		}
		finally {
			INLINE.remove();
		}
	}

	/**
	 * Whether the task about to be scheduled runs inline; the allowance is used up by it.
	 */
	boolean takeInline() {
		if (INLINE.get() == null || !this.enabled.getAsBoolean()) {
			return false;
		}
		INLINE.remove();
		return true;
	}

	/**
	 * Always the pool: a direct task's {@code Disposable} reaches its caller only once
	 * the task has run, too late to interrupt an inline run on a timeout. Inline runs go
	 * through {@link #createWorker()} ({@code subscribeOn} of a command's deferred call).
	 */
	@Override
	public Disposable schedule(Runnable task) {
		return this.pool.schedule(task);
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		return this.pool.schedule(task, delay, unit);
	}

	@Override
	public Disposable schedulePeriodically(Runnable task, long initialDelay, long period, TimeUnit unit) {
		return this.pool.schedulePeriodically(task, initialDelay, period, unit);
	}

	@Override
	public Worker createWorker() {
		return new CallerRunsWorker(this, this.pool);
	}

	@Override
	public void init() {
		this.pool.init();
	}

}
