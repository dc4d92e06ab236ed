package dev.rpcadapter.autoconfigure.security;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.rpcadapter.autoconfigure.web.AdapterHttpException;
import dev.rpcadapter.autoconfigure.web.AdapterRequest;
import dev.rpcadapter.command.Caller;
import dev.rpcadapter.security.ratelimit.NanoClock;
import dev.rpcadapter.security.ratelimit.RateLimit;
import dev.rpcadapter.security.ratelimit.RateLimitStore;
import dev.rpcadapter.security.ratelimit.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Keys, exemptions and 429 answers of {@link RequestRateLimits}, on a test clock. */
class RequestRateLimitsTests {

	private final AtomicLong nanos = new AtomicLong();

	private final NanoClock clock = this.nanos::get;

	private final Caller alice = Caller.of("alice", Set.of("user"));

	private final Caller bob = Caller.of("bob", Set.of("user"));

	@Test
	void principalsHaveTheirOwnBucketsAndRecoverWithTime() {
		RequestRateLimits limits = limits(SecurityProperties.RateLimit.Per.PRINCIPAL);
		limits.check(request("10.0.0.1", "/api/jsonrpc"), this.alice);

		AdapterHttpException limited = catchLimited(() -> limits.check(request("10.0.0.1", "/api/jsonrpc"), this.alice));
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.error().code()).isEqualTo(-32005);
		assertThat(limited.headers()).containsEntry("Retry-After", "1");
		assertThatNoException().isThrownBy(() -> limits.check(request("10.0.0.1", "/api/jsonrpc"), this.bob));

		this.nanos.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThatNoException().isThrownBy(() -> limits.check(request("10.0.0.1", "/api/jsonrpc"), this.alice));
	}

	@Test
	void perAddressSharesOneBucketBetweenPrincipalsOfOneAddress() {
		RequestRateLimits limits = limits(SecurityProperties.RateLimit.Per.ADDRESS);
		limits.check(request("10.0.0.1", "/api/jsonrpc"), this.alice);

		catchLimited(() -> limits.check(request("10.0.0.1", "/api/jsonrpc"), this.bob));
		assertThatNoException().isThrownBy(() -> limits.check(request("10.0.0.2", "/api/jsonrpc"), this.bob));
	}

	@Test
	void perPrincipalAndAddressTakesAPermitFromBothBuckets() {
		RequestRateLimits limits = limits(SecurityProperties.RateLimit.Per.PRINCIPAL_AND_ADDRESS);
		limits.check(request("10.0.0.1", "/api/jsonrpc"), this.alice);

		catchLimited(() -> limits.check(request("10.0.0.2", "/api/jsonrpc"), this.alice)); // alice's bucket
		catchLimited(() -> limits.check(request("10.0.0.1", "/api/jsonrpc"), this.bob)); // 10.0.0.1's bucket
		catchLimited(() -> limits.check(request("10.0.0.1", "/api/jsonrpc"), Caller.ANONYMOUS));
		assertThatNoException().isThrownBy(() -> limits.check(request("10.0.0.3", "/api/jsonrpc"), this.bob));
	}

	@Test
	void failedAuthenticationsCountAgainstTheAddressEvenPerPrincipal() {
		RequestRateLimits limits = limits(SecurityProperties.RateLimit.Per.PRINCIPAL);
		limits.checkFailedAuthentication(request("10.0.0.9", "/api/jsonrpc"));

		catchLimited(() -> limits.checkFailedAuthentication(request("10.0.0.9", "/api/jsonrpc")));
		catchLimited(() -> limits.check(request("10.0.0.9", "/api/jsonrpc"), Caller.ANONYMOUS));
	}

	@Test
	void exemptRolesAndPathsAreNeverLimited() {
		RequestRateLimits limits = limits(SecurityProperties.RateLimit.Per.PRINCIPAL);
		Caller ops = Caller.of("ops", Set.of("ops"));
		for (int i = 0; i < 5; i++) {
			limits.check(request("10.0.0.1", "/api/jsonrpc"), ops);
			limits.check(request("10.0.0.1", "/health"), this.alice);
			limits.checkFailedAuthentication(request("10.0.0.1", "/health"));
		}
	}

	private RequestRateLimits limits(SecurityProperties.RateLimit.Per per) {
		RateLimit limit = new RateLimit(1, 1);
		RateLimiter limiter = RateLimiter.tokenBucket(limit,
				RateLimitStore.inMemory(100, RateLimiter.refillTime(limit), this.clock), this.clock);
		return new RequestRateLimits(limiter, per, Set.of("ops"), Set.of("/health"));
	}

	private static AdapterHttpException catchLimited(Runnable call) {
		return assertThatExceptionOfType(AdapterHttpException.class).isThrownBy(call::run).actual();
	}

	static AdapterRequest request(String address, String path) {
		return new AdapterRequest() {

			@Override
			public String method() {
				return "POST";
			}

			@Override
			public String path() {
				return path;
			}

			@Override
			public @Nullable String header(String name) {
				return null;
			}

			@Override
			public InetSocketAddress remoteAddress() {
				return new InetSocketAddress(address, 40000);
			}

			@Override
			public List<X509Certificate> peerCertificates() {
				return List.of();
			}

			@Override
			public boolean isSecure() {
				return false;
			}
		};
	}

}
