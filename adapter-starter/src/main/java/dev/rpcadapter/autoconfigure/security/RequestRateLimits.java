package dev.rpcadapter.autoconfigure.security;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;

import dev.rpcadapter.autoconfigure.web.AdapterHttpException;
import dev.rpcadapter.autoconfigure.web.AdapterRequest;
import dev.rpcadapter.command.Caller;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.security.ratelimit.Decision;
import dev.rpcadapter.security.ratelimit.RateLimiter;
import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link RateLimiter} to the adapter's requests: per principal (anonymous callers per
 * client address), per client address, or both at once, skipping exempt paths and roles. Failed authentications
 * are always counted against the client address, so guessing tokens is slowed down too.
 */
final class RequestRateLimits {

	private final RateLimiter limiter;

	private final SecurityProperties.RateLimit.Per per;

	private final Set<String> exemptRoles;

	private final Set<String> exemptPaths;

	RequestRateLimits(RateLimiter limiter, SecurityProperties.RateLimit.Per per, Set<String> exemptRoles,
			Set<String> exemptPaths) {
		this.limiter = limiter;
		this.per = per;
		this.exemptRoles = Set.copyOf(exemptRoles);
		this.exemptPaths = Set.copyOf(exemptPaths);
	}

	/**
	 * Takes a permit for an authenticated (or anonymous) request.
	 * @throws AdapterHttpException 429 when none is left
	 */
	void check(AdapterRequest request, Caller caller) {
		if (this.exemptPaths.contains(request.path()) || caller.roles().stream().anyMatch(this.exemptRoles::contains)) {
			return;
		}
		boolean anonymous = caller == Caller.ANONYMOUS;
		switch (this.per) {
			case PRINCIPAL -> acquire(anonymous ? addressKey(request) : principalKey(caller));
			case ADDRESS -> acquire(addressKey(request));
			case PRINCIPAL_AND_ADDRESS -> {
				acquire(addressKey(request));
				if (!anonymous) {
					acquire(principalKey(caller));
				}
			}
		}
	}

	/**
	 * Takes a permit for a request whose credentials were rejected.
	 * @throws AdapterHttpException 429 when none is left
	 */
	void checkFailedAuthentication(AdapterRequest request) {
		if (!this.exemptPaths.contains(request.path())) {
			acquire(addressKey(request));
		}
	}

	private void acquire(String key) {
		Decision decision = this.limiter.tryAcquire(key);
		if (!decision.allowed()) {
			long seconds = decision.retryAfterSeconds();
			throw new AdapterHttpException(429, JsonRpcError.withData(ErrorCodes.RATE_LIMITED, "Rate limit exceeded",
					Map.of("retry_after", seconds)), Map.of("Retry-After", Long.toString(seconds)));
		}
	}

	private static String principalKey(Caller caller) {
		return "principal:" + caller.principal();
	}

	private static String addressKey(AdapterRequest request) {
		@Nullable InetSocketAddress address = request.remoteAddress();
		return "address:" + ((address != null && address.getAddress() != null) ? address.getAddress().getHostAddress()
				: "unknown");
	}
}
