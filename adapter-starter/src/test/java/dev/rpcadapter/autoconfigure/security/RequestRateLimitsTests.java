package dev.rpcadapter.autoconfigure.security;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.rpcadapter.web.AdapterHttpException;
import dev.rpcadapter.web.AdapterRequest;
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
		RequestRateLimits limits = limits(AdapterSecurityProperties.RateLimit.Per.PRINCIPAL);
		limits.check(request("10.0.0.1", "/api/jsonrpc"), this.alice).block();

		AdapterHttpException limited = catchLimited(
				() -> limits.check(request("10.0.0.1", "/api/jsonrpc"), this.alice).block());
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.error().code()).isEqualTo(-32005);
		assertThat(limited.headers()).containsEntry("Retry-After", "1");
		assertThatNoException().isThrownBy(() -> limits.check(request("10.0.0.1", "/api/jsonrpc"), this.bob).block());

		this.nanos.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThatNoException().isThrownBy(() -> limits.check(request("10.0.0.1", "/api/jsonrpc"), this.alice).block());
	}

	@Test
	void perAddressSharesOneBucketBetweenPrincipalsOfOneAddress() {
		RequestRateLimits limits = limits(AdapterSecurityProperties.RateLimit.Per.ADDRESS);
		limits.check(request("10.0.0.1", "/api/jsonrpc"), this.alice).block();

		catchLimited(() -> limits.check(request("10.0.0.1", "/api/jsonrpc"), this.bob).block());
		assertThatNoException().isThrownBy(() -> limits.check(request("10.0.0.2", "/api/jsonrpc"), this.bob).block());
	}

	@Test
	void perPrincipalAndAddressTakesAPermitFromBothBuckets() {
		RequestRateLimits limits = limits(AdapterSecurityProperties.RateLimit.Per.PRINCIPAL_AND_ADDRESS);
		limits.check(request("10.0.0.1", "/api/jsonrpc"), this.alice).block();

		catchLimited(() -> limits.check(request("10.0.0.2", "/api/jsonrpc"), this.alice).block()); // alice's
																									// bucket
		catchLimited(() -> limits.check(request("10.0.0.1", "/api/jsonrpc"), this.bob).block()); // 10.0.0.1's
																									// bucket
		catchLimited(() -> limits.check(request("10.0.0.1", "/api/jsonrpc"), Caller.ANONYMOUS).block());
		assertThatNoException().isThrownBy(() -> limits.check(request("10.0.0.3", "/api/jsonrpc"), this.bob).block());
	}

	@Test
	void failedAuthenticationsHaveTheirOwnBucketPerAddressAndThenRefuseEvenBeforeCredentialsAreChecked() {
		RequestRateLimits limits = limits(AdapterSecurityProperties.RateLimit.Per.PRINCIPAL);
		limits.checkFailedAuthentication(request("10.0.0.9", "/api/jsonrpc")).block();
		assertThat(limits.refusal(request("10.0.0.9", "/api/jsonrpc"))).isNull();

		AdapterHttpException limited = catchLimited(
				() -> limits.checkFailedAuthentication(request("10.0.0.9", "/api/jsonrpc")).block());
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limits.refusal(request("10.0.0.9", "/api/jsonrpc"))).as("refused before authenticating")
			.isNotNull()
			.satisfies((refusal) -> assertThat(refusal.headers()).containsEntry("Retry-After", "2"));
		assertThat(limits.refusal(request("10.0.0.8", "/api/jsonrpc"))).isNull();
		assertThat(limits.refusal(request("10.0.0.9", "/health"))).as("exempt paths stay open").isNull();
		assertThatNoException().as("the request bucket is another one")
			.isThrownBy(() -> limits.check(request("10.0.0.9", "/api/jsonrpc"), Caller.ANONYMOUS).block());

		this.nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		assertThat(limits.refusal(request("10.0.0.9", "/api/jsonrpc"))).isNull();
	}

	@Test
	void ipv6ClientsCountPerSlash64() {
		RequestRateLimits limits = limits(AdapterSecurityProperties.RateLimit.Per.ADDRESS);
		limits.check(request("2001:db8:1:2::1", "/api/jsonrpc"), this.alice).block();

		catchLimited(() -> limits.check(request("2001:db8:1:2:ffff::7", "/api/jsonrpc"), this.alice).block());
		assertThatNoException()
			.isThrownBy(() -> limits.check(request("2001:db8:1:3::1", "/api/jsonrpc"), this.alice).block());
	}

	@Test
	void exemptRolesAndPathsAreNeverLimited() {
		RequestRateLimits limits = limits(AdapterSecurityProperties.RateLimit.Per.PRINCIPAL);
		Caller ops = Caller.of("ops", Set.of("ops"));
		for (int i = 0; i < 5; i++) {
			limits.check(request("10.0.0.1", "/api/jsonrpc"), ops).block();
			limits.check(request("10.0.0.1", "/health"), this.alice).block();
			limits.checkFailedAuthentication(request("10.0.0.1", "/health")).block();
		}
	}

	private RequestRateLimits limits(AdapterSecurityProperties.RateLimit.Per per) {
		RateLimit limit = new RateLimit(1, 1);
		RateLimiter failed = RateLimiter.tokenBucket(new RateLimit(0.5, 1),
				RateLimitStore.inMemory(100, RateLimiter.refillTime(limit), this.clock), this.clock);
		return new RequestRateLimits(limiter(limit), per, Set.of("ops"), Set.of("/health"),
				new FailedAuthentications(failed, this.clock), new ClientAddresses(List.of()));
	}

	private RateLimiter limiter(RateLimit limit) {
		return RateLimiter.tokenBucket(limit, RateLimitStore.inMemory(100, RateLimiter.refillTime(limit), this.clock),
				this.clock);
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
