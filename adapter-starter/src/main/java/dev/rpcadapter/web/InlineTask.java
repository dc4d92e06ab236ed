package dev.rpcadapter.web;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * A task run on the calling thread; disposing it while it runs interrupts that thread.
 */
final class InlineTask implements Disposable {

	private @Nullable Thread running;

	private boolean disposed;

	/** Runs the task here, unless disposed already. */
	InlineTask runTask(Runnable task) {
		synchronized (this) {
			if (this.disposed) {
				return this;
			}
			this.running = Thread.currentThread();
		}
		try {
			task.run();
		}
		finally {
			synchronized (this) {
				this.running = null;
			}
			// an interrupt meant for the task (a timeout) must not outlive it on this
			// request thread
			Thread.interrupted();
		}
		return this;
	}

	@Override
	public synchronized void dispose() {
		this.disposed = true;
		Thread thread = this.running;
		if (thread != null && thread != Thread.currentThread()) {
			thread.interrupt();
		}
	}

	@Override
	public synchronized boolean isDisposed() {
		return this.disposed;
	}

}
