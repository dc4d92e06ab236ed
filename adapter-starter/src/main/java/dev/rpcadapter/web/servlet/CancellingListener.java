package dev.rpcadapter.web.servlet;

import java.util.concurrent.CompletableFuture;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/**
 * Cancels the pending answer of an async exchange the client abandoned (its subscription
 * with it).
 */
final class CancellingListener implements AsyncListener {

	private final CompletableFuture<?> pending;

	CancellingListener(CompletableFuture<?> pending) {
		this.pending = pending;
	}

	@Override
	public void onError(AsyncEvent event) {
		this.pending.cancel(false);
	}

	@Override
	public void onTimeout(AsyncEvent event) {
		this.pending.cancel(false);
	}

	@Override
	public void onComplete(AsyncEvent event) {
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
	}

}
