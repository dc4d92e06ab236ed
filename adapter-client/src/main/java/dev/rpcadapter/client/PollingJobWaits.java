package dev.rpcadapter.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Waits for a job by calling {@code queue_get_job_status} every poll interval, without
 * blocking a thread between polls.
 */
final class PollingJobWaits {

	private final Function<String, CompletableFuture<RemoteJob>> statusLookup;

	PollingJobWaits(Function<String, CompletableFuture<RemoteJob>> statusLookup) {
		this.statusLookup = statusLookup;
	}

	CompletableFuture<JsonNode> await(JobWaiter waiter) {
		poll(waiter);
		return waiter.result();
	}

	private void poll(JobWaiter waiter) {
		if (waiter.isDone()) {
			return;
		}
		this.statusLookup.apply(waiter.envelope().jobId()).whenComplete((status, failure) -> {
			if (failure != null) {
				waiter.fail(failure);
				return;
			}
			waiter.onStatus(status);
			if (!waiter.isDone()) {
				long delay = waiter.options().pollInterval().toMillis();
				CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> poll(waiter));
			}
		});
	}

}
