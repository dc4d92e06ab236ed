package dev.rpcadapter.security.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenBucketRateLimiterTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final NanoClock clock = this.now::get;

	private final RateLimiter limiter = RateLimiter.tokenBucket(RateLimit.perSecond(2).withBurst(3),
			RateLimitStore.inMemory(100, Duration.ofMinutes(1), this.clock), this.clock);

	@Test
	void burstIsAllowedAtOnceThenCallsAreRejected() {
		assertThat(this.limiter.tryAcquire("alice")).isEqualTo(Decision.allowed(2));
		assertThat(this.limiter.tryAcquire("alice")).isEqualTo(Decision.allowed(1));
		assertThat(this.limiter.tryAcquire("alice")).isEqualTo(Decision.allowed(0));

		Decision rejected = this.limiter.tryAcquire("alice");

		assertThat(rejected.allowed()).isFalse();
		assertThat(rejected.retryAfter()).isEqualTo(Duration.ofMillis(500));
		assertThat(rejected.retryAfterSeconds()).isEqualTo(1);
	}

	@Test
	void permitsRefillAtTheConfiguredRate() {
		drain("alice");

		advance(Duration.ofMillis(499));
		assertThat(this.limiter.tryAcquire("alice").retryAfter()).isEqualTo(Duration.ofMillis(1));
		advance(Duration.ofMillis(1));
		assertThat(this.limiter.tryAcquire("alice").allowed()).isTrue();
		assertThat(this.limiter.tryAcquire("alice").allowed()).isFalse();
	}

	@Test
	void refillNeverExceedsTheBurst() {
		drain("alice");
		advance(Duration.ofHours(1));

		assertThat(this.limiter.tryAcquire("alice")).isEqualTo(Decision.allowed(2));
	}

	@Test
	void keysAreLimitedIndependently() {
		drain("alice");

		assertThat(this.limiter.tryAcquire("bob").allowed()).isTrue();
		assertThat(this.limiter.tryAcquire("10.0.0.7").allowed()).isTrue();
	}

	@Test
	void rejectedCallsDoNotConsumePermits() {
		drain("alice");
		for (int i = 0; i < 10; i++) {
			this.limiter.tryAcquire("alice");
		}
		advance(Duration.ofMillis(500));

		assertThat(this.limiter.tryAcquire("alice").allowed()).isTrue();
	}

	@Test
	void fractionalRatesWork() {
		RateLimiter slow = RateLimiter.tokenBucket(new RateLimit(0.5, 1),
				RateLimitStore.inMemory(10, Duration.ofMinutes(1), this.clock), this.clock);
		slow.tryAcquire("k");

		Decision rejected = slow.tryAcquire("k");

		assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(2));
		assertThat(rejected.retryAfterSeconds()).isEqualTo(2);
	}

	@Test
	void systemClockLimiterAllowsTheFirstCall() {
		assertThat(RateLimiter.tokenBucket(RateLimit.perSecond(1)).tryAcquire("k").allowed()).isTrue();
	}

	@Test
	void invalidLimitsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RateLimit.perSecond(0));
		assertThatIllegalArgumentException().isThrownBy(() -> RateLimit.perSecond(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> RateLimit.perSecond(5).withBurst(0))
			.withMessageContaining("burst");
	}

	@Test
	void refillTimeIsAtLeastOneSecond() {
		assertThat(RateLimiter.refillTime(new RateLimit(100, 10))).isEqualTo(Duration.ofSeconds(1));
		assertThat(RateLimiter.refillTime(new RateLimit(0.5, 3))).isEqualTo(Duration.ofSeconds(6));
	}

	private void drain(String key) {
		while (this.limiter.tryAcquire(key).allowed()) {
			// take every permit
		}
	}

	private void advance(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

}
