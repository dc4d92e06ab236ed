package dev.rpcadapter.security.ratelimit;

/**
 * The stored state of one key's token bucket.
 *
 * @param tokens permits in the bucket (fractional while refilling)
 * @param updatedAtNanos when the state was last computed, on the limiter's
 * {@link NanoClock}
 */
public record BucketState(double tokens, long updatedAtNanos) {
}
