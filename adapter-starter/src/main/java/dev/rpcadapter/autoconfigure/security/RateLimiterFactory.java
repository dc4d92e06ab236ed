package dev.rpcadapter.autoconfigure.security;

import dev.rpcadapter.security.ratelimit.RateLimit;
import dev.rpcadapter.security.ratelimit.RateLimiter;

/**
 * Makes the limiters of the adapter's rate limits
 * ({@code adapter.security.rate-limit.store}): in memory, one budget per node; or in
 * Redis, one budget shared by every node.
 */
@FunctionalInterface
interface RateLimiterFactory {

	/**
	 * @param limit rate and burst per key
	 * @param onStoreFailure what a check answers when the store cannot be reached
	 * (ignored in memory)
	 * @return the limiter
	 */
	RateLimiter create(RateLimit limit, AdapterSecurityProperties.RateLimit.StoreFailure onStoreFailure);

	/** Buckets in this node's memory. */
	static RateLimiterFactory inMemory() {
		return (limit, onStoreFailure) -> RateLimiter.tokenBucket(limit);
	}

}
