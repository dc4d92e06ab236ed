package dev.rpcadapter.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Waits for futures on behalf of the synchronous API, rethrowing the original exception.
 */
final class Futures {

	private Futures() {
	}

	static <T> T join(CompletableFuture<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new RpcTransportException("Interrupted while waiting for the server", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = TransportFailures.unwrap(ex);
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new RpcTransportException("Call failed: " + cause, cause);
		}
	}

	static <T> CompletableFuture<T> failed(Throwable failure) {
		return CompletableFuture.failedFuture(failure);
	}

}
