package dev.rpcadapter.autoconfigure.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.rpcadapter.security.ratelimit.Decision;
import dev.rpcadapter.security.ratelimit.RateLimit;
import dev.rpcadapter.security.ratelimit.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Token buckets in Redis, shared by every node: one Lua script per check takes a permit
 * atomically on the Redis server's clock (one round trip, one key, so it works on Redis
 * Cluster too). Every check is bounded by {@code timeout}; when Redis cannot answer in
 * time, the limiter's failure policy decides, and the outcome shows in the
 * {@code rate_limit} health component.
 * <p>
 * The first connection is made in the background from startup on (the connection factory
 * connects synchronously, which must not happen on an event loop); until it is made,
 * checks answer by policy. Lettuce reconnects a lost connection by itself.
 */
final class RedisBuckets implements RateLimiterFactory {

	private static final Logger logger = LoggerFactory.getLogger(RedisBuckets.class);

	private static final RedisScript<String> SCRIPT = RedisScript
		.of(new ClassPathResource("dev/rpcadapter/autoconfigure/security/token-bucket.lua"), String.class);

	private final ReactiveStringRedisTemplate redis;

	private final String keyPrefix;

	private final Duration timeout;

	private final AtomicBoolean connected = new AtomicBoolean();

	private final AtomicBoolean connecting = new AtomicBoolean();

	/** Why the last check failed, or {@code null} when it succeeded. */
	private final AtomicReference<@Nullable String> failure = new AtomicReference<>();

	RedisBuckets(ReactiveRedisConnectionFactory connections, String keyPrefix, Duration timeout) {
		this.redis = new ReactiveStringRedisTemplate(connections);
		this.keyPrefix = keyPrefix;
		this.timeout = timeout;
		connectInBackground();
	}

	@Override
	public RateLimiter create(RateLimit limit, AdapterSecurityProperties.RateLimit.StoreFailure onStoreFailure) {
		Decision fallback = (onStoreFailure == AdapterSecurityProperties.RateLimit.StoreFailure.ALLOW)
				? Decision.allowed(0) : Decision.rejected(Duration.ofSeconds(1));
		List<String> args = List.of(Double.toString(limit.permitsPerSecond()), Integer.toString(limit.burst()));
		return new RateLimiter() {

			@Override
			public Mono<Decision> acquire(String key) {
				return take(key, args).onErrorResume((ex) -> {
					failed(ex);
					return Mono.just(fallback);
				});
			}

			@Override
			public Decision tryAcquire(String key) {
				Decision decision = acquire(key).block();
				return (decision != null) ? decision : fallback;
			}
		};
	}

	/**
	 * Asks Redis for a PING, bounded by the timeout; records the outcome like a check.
	 * Blocks.
	 */
	@Nullable String ping() {
		if (!this.connected.get()) {
			connectInBackground();
			return (this.failure.get() != null) ? this.failure.get() : "not connected yet";
		}
		try {
			this.redis.getConnectionFactory().getReactiveConnection().ping().timeout(this.timeout).block();
			this.failure.set(null);
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
		return this.failure.get();
	}

	private Mono<Decision> take(String key, List<String> args) {
		if (!this.connected.get()) {
			connectInBackground();
			return Mono.error(new NotConnectedException());
		}
		return Mono.defer(() -> this.redis.execute(SCRIPT, List.of(this.keyPrefix + key), args).next())
			.map(RedisBuckets::decision)
			.timeout(this.timeout)
			.doOnNext((decision) -> {
				if (this.failure.getAndSet(null) != null) {
					logger.info("Rate limits: Redis answers again");
				}
			});
	}

	/**
	 * Makes the first connection on a worker thread (the connection factory connects
	 * synchronously), one attempt at a time and never cancelled by a check's timeout;
	 * until it succeeds checks answer by policy. Called at startup and by checks while
	 * not connected.
	 */
	void connectInBackground() {
		if (this.connected.get() || !this.connecting.compareAndSet(false, true)) {
			return;
		}
		Schedulers.boundedElastic().schedule(() -> {
			try {
				this.redis.getConnectionFactory().getReactiveConnection().close();
				this.connected.set(true);
				this.failure.set(null);
			}
			catch (RuntimeException ex) {
				failed(ex);
			}
			finally {
				this.connecting.set(false);
			}
		});
	}

	/** A check before the first connection was made. */
	private static final class NotConnectedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotConnectedException() {
			super("not connected yet", null, false, false);
		}

	}

	private void failed(Throwable ex) {
		if (ex instanceof NotConnectedException && this.failure.get() != null) {
			return; // keep the reason the connection attempt gave
		}
		String reason = (ex instanceof TimeoutException) ? "no answer within " + this.timeout.toMillis() + " ms"
				: (ex instanceof NotConnectedException) ? "not connected yet"
						: "unreachable (" + ex.getClass().getSimpleName() + ")";
		if (this.failure.getAndSet(reason) == null) {
			logger.warn("Rate limits: Redis {}; checks follow adapter.security.rate-limit.*redis-failure", reason);
		}
	}

	private static Decision decision(String reply) {
		String[] parts = reply.split(" ");
		if ("1".equals(parts[0])) {
			return Decision.allowed(Long.parseLong(parts[1]));
		}
		return Decision.rejected(Duration.ofNanos(Math.max(1, Long.parseLong(parts[2]) * 1000)));
	}

}
