package dev.rpcadapter.autoconfigure.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * The registration's one source of truth. Only the registrar changes it; {@code /health},
 * the Actuator indicator, the {@code registration_status} command and the metrics all
 * read {@link #snapshot()}. Thread-safe.
 */
public final class RegistrationState {

	private final AtomicReference<Snapshot> current;

	private final Clock clock;

	public RegistrationState(String serverId, Clock clock) {
		this.clock = clock;
		this.current = new AtomicReference<>(
				new Snapshot(Phase.REGISTERING, serverId, null, null, null, null, 0, 0, 0, null));
	}

	/** The current state, immutable. */
	public Snapshot snapshot() {
		return Objects.requireNonNull(this.current.get());
	}

	void advertising(String serverUrl) {
		update((s) -> s.with(s.phase, serverUrl, s.lastSuccess, s.lastError, s.lastErrorAt, s.attempts, s.nextAttempt));
	}

	void attemptStarted() {
		update((s) -> s.counting(1, 0)
			.with(s.phase, s.serverUrl, s.lastSuccess, s.lastError, s.lastErrorAt, s.attempts + 1, null));
	}

	void heartbeatStarted() {
		update((s) -> s.counting(1, 0));
	}

	void succeeded() {
		Instant now = this.clock.instant();
		update((s) -> s.with(Phase.REGISTERED, s.serverUrl, now, s.lastError, s.lastErrorAt, 0, null));
	}

	void failed(String error, @Nullable Instant nextAttempt) {
		Instant now = this.clock.instant();
		Phase phase = (nextAttempt != null) ? Phase.FAILED_RETRYING : Phase.FAILED;
		update((s) -> s.counting(0, 1).with(phase, s.serverUrl, s.lastSuccess, error, now, s.attempts, nextAttempt));
	}

	/**
	 * The proxy no longer knows this server (a heartbeat got 404): register again at
	 * once.
	 */
	void forgotten(String reason) {
		Instant now = this.clock.instant();
		update((s) -> s.with(Phase.REGISTERING, s.serverUrl, s.lastSuccess, reason, now, 0, now));
	}

	void disabled() {
		update((s) -> s.with(Phase.DISABLED, s.serverUrl, s.lastSuccess, s.lastError, s.lastErrorAt, s.attempts, null));
	}

	private void update(UnaryOperator<Snapshot> change) {
		this.current.updateAndGet(change);
	}

	/** Registration states. */
	public enum Phase {

		/** Not registered and not trying: stopped, after unregistering at shutdown. */
		DISABLED,
		/** Waiting for the server to listen, or a registration request is under way. */
		REGISTERING,
		/**
		 * The proxy accepted the registration (or said it already had it); heartbeats
		 * run.
		 */
		REGISTERED,
		/**
		 * The last request failed; another attempt is scheduled ({@code next_attempt}).
		 */
		FAILED_RETRYING,
		/** Gave up after {@code max-attempts} failures in a row. */
		FAILED;

		/** The wire name: lower case, words joined by {@code -}. */
		public String wire() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	/**
	 * One immutable view of the registration.
	 *
	 * @param phase the state
	 * @param serverId the id announced to the proxy
	 * @param serverUrl the URL announced, once known
	 * @param lastSuccess when the proxy last accepted a registration or heartbeat
	 * @param lastError the last failure, client-safe (status code or exception type and
	 * message)
	 * @param lastErrorAt when it happened
	 * @param attempts registration attempts since the last success
	 * @param totalRequests every register and heartbeat request sent
	 * @param totalFailures every failed register and heartbeat request
	 * @param nextAttempt when the next retry is due, if one is scheduled
	 */
	public record Snapshot(Phase phase, String serverId, @Nullable String serverUrl, @Nullable Instant lastSuccess,
			@Nullable String lastError, @Nullable Instant lastErrorAt, long attempts, long totalRequests,
			long totalFailures, @Nullable Instant nextAttempt) {

		Snapshot with(Phase phase, @Nullable String serverUrl, @Nullable Instant lastSuccess,
				@Nullable String lastError, @Nullable Instant lastErrorAt, long attempts,
				@Nullable Instant nextAttempt) {
			return new Snapshot(phase, this.serverId, serverUrl, lastSuccess, lastError, lastErrorAt, attempts,
					this.totalRequests, this.totalFailures, nextAttempt);
		}

		Snapshot counting(long requests, long failures) {
			return new Snapshot(this.phase, this.serverId, this.serverUrl, this.lastSuccess, this.lastError,
					this.lastErrorAt, this.attempts, this.totalRequests + requests, this.totalFailures + failures,
					this.nextAttempt);
		}

		/**
		 * The snapshot as wire JSON fields (snake_case, ISO-8601 instants, absent values
		 * left out).
		 */
		public Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("state", this.phase.wire());
			map.put("server_id", this.serverId);
			putIfPresent(map, "server_url", this.serverUrl);
			putIfPresent(map, "last_success", this.lastSuccess);
			putIfPresent(map, "last_error", this.lastError);
			putIfPresent(map, "last_error_at", this.lastErrorAt);
			map.put("attempts", this.attempts);
			putIfPresent(map, "next_attempt", this.nextAttempt);
			return map;
		}

		private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
			if (value != null) {
				map.put(key, value.toString());
			}
		}
	}

}
