package dev.rpcadapter.autoconfigure.security;

import dev.rpcadapter.security.ratelimit.Decision;
import dev.rpcadapter.security.ratelimit.NanoClock;
import dev.rpcadapter.security.ratelimit.RateLimiter;
import dev.rpcadapter.support.BoundedMemo;
import dev.rpcadapter.web.AdapterHttpException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Throttles failed authentications per client address. Each rejected credential takes a
 * permit; once a client has none left, it is refused (429) before its credentials are
 * even looked at, until the bucket has refilled, so a correct guess in a flood of wrong
 * ones does not get through either. The refusal is remembered on this node (no store
 * round trip per request); other nodes learn it at the client's next failure there.
 */
final class FailedAuthentications {

	private static final int BLOCKED_KEYS = 10_000;

	private final RateLimiter limiter;

	private final NanoClock clock;

	/** Client key → until when (on {@link #clock}) it is refused. */
	private final BoundedMemo<String, Long> blocked = new BoundedMemo<>(BLOCKED_KEYS);

	FailedAuthentications(RateLimiter limiter, NanoClock clock) {
		this.limiter = limiter;
		this.clock = clock;
	}

	/**
	 * @return whether any client is (or was lately) refused: when none is, no client key
	 * need be worked out
	 */
	boolean anyRefused() {
		return this.blocked.size() > 0;
	}

	/**
	 * @return the refusal while the client's budget is used up, else {@code null}
	 */
	@Nullable AdapterHttpException refusal(String client) {
		Long until = this.blocked.get(client);
		if (until == null) {
			return null;
		}
		long left = until - this.clock.nanoTime();
		return (left > 0) ? RequestRateLimits.tooManyRequests(Decision.rejected(java.time.Duration.ofNanos(left)))
				: null;
	}

	/**
	 * Takes a permit for a failure; errors with 429 (and remembers the client as refused)
	 * when none is left.
	 */
	Mono<Void> failed(String client) {
		return this.limiter.acquire("failed-auth:" + client).handle((decision, sink) -> {
			if (!decision.allowed()) {
				this.blocked.put(client, this.clock.nanoTime() + decision.retryAfter().toNanos());
				sink.error(RequestRateLimits.tooManyRequests(decision));
			}
		}).then();
	}

}
