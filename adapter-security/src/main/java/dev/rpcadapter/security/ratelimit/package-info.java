/**
 * Rate limiting: token buckets per key (principal or client address) over a pluggable
 * {@link dev.rpcadapter.security.ratelimit.RateLimitStore}.
 */
@NullMarked
package dev.rpcadapter.security.ratelimit;

import org.jspecify.annotations.NullMarked;
