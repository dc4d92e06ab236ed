package dev.rpcadapter.client;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * How {@link RpcClient#execute(String, Object, ExecuteOptions)} waits for a queued
 * command's job.
 *
 * @param waitStrategy poll {@code queue_get_job_status} or subscribe on {@code /ws}
 * @param pollInterval delay between status polls ({@link JobWaitStrategy#POLL} only)
 * @param timeout overall bound on waiting for the job, after which
 * {@link JobTimeoutException} is thrown
 * @param statusListener called with each status seen while waiting, {@code null} for none
 */
public record ExecuteOptions(JobWaitStrategy waitStrategy, Duration pollInterval, Duration timeout,
		@Nullable Consumer<RemoteJob> statusListener) {

	/** Default delay between polls: 1 s. */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

	/** Default overall wait: 1 h, the server's default job timeout. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

	public ExecuteOptions {
		Objects.requireNonNull(waitStrategy, "waitStrategy");
		requirePositive(pollInterval, "pollInterval");
		requirePositive(timeout, "timeout");
	}

	/**
	 * @return polling every second, for at most an hour, no listener
	 */
	public static ExecuteOptions defaults() {
		return new ExecuteOptions(JobWaitStrategy.POLL, DEFAULT_POLL_INTERVAL, DEFAULT_TIMEOUT, null);
	}

	/**
	 * @return a builder starting from {@link #defaults()}
	 */
	public static Builder builder() {
		return new Builder();
	}

	private static void requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, got " + duration);
		}
	}

	/**
	 * Builder for {@link ExecuteOptions}.
	 */
	public static final class Builder {

		private JobWaitStrategy waitStrategy = JobWaitStrategy.POLL;

		private Duration pollInterval = DEFAULT_POLL_INTERVAL;

		private Duration timeout = DEFAULT_TIMEOUT;

		private @Nullable Consumer<RemoteJob> statusListener;

		private Builder() {
		}

		/** Poll {@code queue_get_job_status} with this interval. */
		public Builder poll(Duration pollInterval) {
			this.waitStrategy = JobWaitStrategy.POLL;
			this.pollInterval = pollInterval;
			return this;
		}

		/** Wait for the job's terminal event on a {@code /ws} subscription. */
		public Builder webSocket() {
			this.waitStrategy = JobWaitStrategy.WEBSOCKET;
			return this;
		}

		/** Give up waiting after this long. */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/** Call this with every status seen while waiting. */
		public Builder onStatus(Consumer<RemoteJob> statusListener) {
			this.statusListener = statusListener;
			return this;
		}

		public ExecuteOptions build() {
			return new ExecuteOptions(this.waitStrategy, this.pollInterval, this.timeout, this.statusListener);
		}

	}

}
