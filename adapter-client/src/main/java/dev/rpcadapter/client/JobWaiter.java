package dev.rpcadapter.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * State shared by both ways of waiting for a job: the result future, the overall timeout,
 * the last status seen and the user's status listener.
 */
final class JobWaiter {

	private final JobEnvelope envelope;

	private final ExecuteOptions options;

	private final CompletableFuture<JsonNode> result = new CompletableFuture<>();

	private final AtomicReference<@Nullable RemoteJob> lastStatus = new AtomicReference<>();

	JobWaiter(JobEnvelope envelope, ExecuteOptions options) {
		this.envelope = envelope;
		this.options = options;
		Duration timeout = options.timeout();
		Executor timer = CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		timer.execute(() -> this.result
			.completeExceptionally(new JobTimeoutException(envelope.jobId(), timeout, this.lastStatus.get())));
	}

	JobEnvelope envelope() {
		return this.envelope;
	}

	ExecuteOptions options() {
		return this.options;
	}

	CompletableFuture<JsonNode> result() {
		return this.result;
	}

	boolean isDone() {
		return this.result.isDone();
	}

	/**
	 * Records a status, tells the listener, and finishes the wait if the status is
	 * terminal.
	 */
	void onStatus(RemoteJob status) {
		if (isDone()) {
			return;
		}
		this.lastStatus.set(status);
		Consumer<RemoteJob> listener = this.options.statusListener();
		if (listener != null) {
			listener.accept(status);
		}
		if (status.state().isTerminal()) {
			try {
				this.result.complete(JobOutcomes.resultOf(status));
			}
			catch (RuntimeException ex) {
				this.result.completeExceptionally(ex);
			}
		}
	}

	void fail(Throwable failure) {
		this.result.completeExceptionally(TransportFailures.unwrap(failure));
	}

}
