package dev.rpcadapter.autoconfigure.security;

import java.util.Map;
import java.util.Set;

import dev.rpcadapter.web.AdapterHttpException;
import dev.rpcadapter.web.AdapterRequest;
import dev.rpcadapter.command.Caller;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.security.ratelimit.Decision;
import dev.rpcadapter.security.ratelimit.RateLimiter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Applies the rate limits to the adapter's requests: the request limit per principal
 * (anonymous callers per client address), per client address, or both at once, skipping
 * exempt paths and roles; and the failed-authentication limit per client address. Client
 * addresses come from {@link ClientAddresses} (the socket peer unless it is a trusted
 * proxy).
 */
final class RequestRateLimits {

	private final @Nullable RateLimiter requests;

	private final AdapterSecurityProperties.RateLimit.Per per;

	private final Set<String> exemptRoles;

	private final Set<String> exemptPaths;

	private final @Nullable FailedAuthentications failures;

	private final ClientAddresses addresses;

	/**
	 * @param requests the request limit, or {@code null} when requests are not limited
	 * @param failures the failed-authentication limit, or {@code null} when failures are
	 * not limited
	 */
	RequestRateLimits(@Nullable RateLimiter requests, AdapterSecurityProperties.RateLimit.Per per,
			Set<String> exemptRoles, Set<String> exemptPaths, @Nullable FailedAuthentications failures,
			ClientAddresses addresses) {
		this.requests = requests;
		this.per = per;
		this.exemptRoles = Set.copyOf(exemptRoles);
		this.exemptPaths = Set.copyOf(exemptPaths);
		this.failures = failures;
		this.addresses = addresses;
	}

	/**
	 * Takes a permit for an authenticated (or anonymous) request; errors with a 429 when
	 * none is left.
	 */
	Mono<Void> check(AdapterRequest request, Caller caller) {
		RateLimiter limiter = this.requests;
		if (limiter == null || this.exemptPaths.contains(request.path())
				|| caller.roles().stream().anyMatch(this.exemptRoles::contains)) {
			return Mono.empty();
		}
		boolean anonymous = caller == Caller.ANONYMOUS;
		return switch (this.per) {
			case PRINCIPAL -> acquire(limiter, anonymous ? addressKey(request) : principalKey(caller));
			case ADDRESS -> acquire(limiter, addressKey(request));
			case PRINCIPAL_AND_ADDRESS ->
				anonymous ? acquire(limiter, addressKey(request)) : acquire(limiter, addressKey(request))
					.then(Mono.defer(() -> acquire(limiter, principalKey(caller))));
		};
	}

	/**
	 * Before credentials are looked at: the 429 while the client's failed-authentication
	 * budget is used up.
	 */
	@Nullable AdapterHttpException refusal(AdapterRequest request) {
		FailedAuthentications limit = this.failures;
		return (limit == null || !limit.anyRefused() || this.exemptPaths.contains(request.path())) ? null
				: limit.refusal(this.addresses.key(request));
	}

	/**
	 * Takes a permit for a request whose credentials were rejected; errors with a 429
	 * when none is left.
	 */
	Mono<Void> checkFailedAuthentication(AdapterRequest request) {
		FailedAuthentications limit = this.failures;
		return (limit == null || this.exemptPaths.contains(request.path())) ? Mono.empty()
				: limit.failed(this.addresses.key(request));
	}

	private static Mono<Void> acquire(RateLimiter limiter, String key) {
		return limiter.acquire(key).handle((decision, sink) -> {
			if (!decision.allowed()) {
				sink.error(tooManyRequests(decision));
			}
		}).then();
	}

	static AdapterHttpException tooManyRequests(Decision decision) {
		long seconds = decision.retryAfterSeconds();
		return new AdapterHttpException(429,
				JsonRpcError.withData(ErrorCodes.RATE_LIMITED, "Rate limit exceeded", Map.of("retry_after", seconds)),
				Map.of("Retry-After", Long.toString(seconds)));
	}

	private static String principalKey(Caller caller) {
		return "principal:" + caller.principal();
	}

	private String addressKey(AdapterRequest request) {
		return "address:" + this.addresses.key(request);
	}

}
