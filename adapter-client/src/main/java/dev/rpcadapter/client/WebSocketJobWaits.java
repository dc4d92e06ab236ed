package dev.rpcadapter.client;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * Waits for a job through a {@code /ws} subscription on a dedicated session, closed
 * afterwards. A completed event without a {@code result} is followed by one status lookup
 * to fetch it.
 */
final class WebSocketJobWaits {

	private final Supplier<CompletableFuture<RpcWebSocketSession>> sessions;

	private final Function<String, CompletableFuture<RemoteJob>> statusLookup;

	WebSocketJobWaits(Supplier<CompletableFuture<RpcWebSocketSession>> sessions,
			Function<String, CompletableFuture<RemoteJob>> statusLookup) {
		this.sessions = sessions;
		this.statusLookup = statusLookup;
	}

	CompletableFuture<JsonNode> await(JobWaiter waiter) {
		this.sessions.get().whenComplete((session, failure) -> {
			if (failure != null) {
				waiter.fail(failure);
				return;
			}
			waiter.result().whenComplete((result, ignored) -> session.close());
			session.subscribe(waiter.envelope().jobId(), (event) -> onEvent(waiter, event))
				.whenComplete((ack, subscribeFailure) -> {
					if (subscribeFailure != null) {
						waiter.fail(subscribeFailure);
					}
				});
		});
		return waiter.result();
	}

	private void onEvent(JobWaiter waiter, JobEvent event) {
		if (event.type() == JobEventType.COMPLETED && event.result() == null) {
			this.statusLookup.apply(event.jobId()).whenComplete((status, failure) -> {
				if (failure != null) {
					waiter.fail(failure);
				}
				else {
					waiter.onStatus(status);
				}
			});
			return;
		}
		waiter.onStatus(event.toJobStatus(waiter.envelope().command()));
	}

}
