package dev.rpcadapter.web;

import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * A worker of the {@link CallerRunsScheduler}: inline when allowed, else a pool worker
 * made on first use.
 */
final class CallerRunsWorker implements Scheduler.Worker {

	private final CallerRunsScheduler scheduler;

	private final Scheduler pool;

	private final Disposable.Composite tasks = Disposables.composite();

	private Scheduler.@Nullable Worker poolWorker;

	CallerRunsWorker(CallerRunsScheduler scheduler, Scheduler pool) {
		this.scheduler = scheduler;
		this.pool = pool;
	}

	@Override
	public Disposable schedule(Runnable task) {
		if (this.scheduler.takeInline()) {
			InlineTask inline = new InlineTask();
			this.tasks.add(inline);
			return inline.runTask(task);
		}
		return poolWorker().schedule(task);
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		return poolWorker().schedule(task, delay, unit);
	}

	@Override
	public Disposable schedulePeriodically(Runnable task, long initialDelay, long period, TimeUnit unit) {
		return poolWorker().schedulePeriodically(task, initialDelay, period, unit);
	}

	private synchronized Scheduler.Worker poolWorker() {
		if (this.poolWorker == null) {
			this.poolWorker = this.pool.createWorker();
			this.tasks.add(this.poolWorker);
		}
		return this.poolWorker;
	}

	@Override
	public void dispose() {
		this.tasks.dispose();
	}

	@Override
	public boolean isDisposed() {
		return this.tasks.isDisposed();
	}

}
