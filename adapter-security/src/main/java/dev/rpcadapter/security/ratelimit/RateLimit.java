package dev.rpcadapter.security.ratelimit;

/**
 * A token bucket: it holds up to {@code burst} permits and refills at
 * {@code permitsPerSecond}; each call takes one permit.
 *
 * @param permitsPerSecond the sustained rate, greater than zero
 * @param burst the bucket capacity: how many calls may come at once after a quiet period,
 * at least one
 */
public record RateLimit(double permitsPerSecond, int burst) {

	public RateLimit {
		if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
			throw new IllegalArgumentException(
					"Rate limit requests per second must be a positive number, not " + permitsPerSecond);
		}
		if (burst < 1) {
			throw new IllegalArgumentException("Rate limit burst (capacity) must be at least 1, not " + burst);
		}
	}

	/**
	 * Returns a limit of the given rate whose burst is one second's worth of permits.
	 * @param permitsPerSecond the sustained rate
	 * @return the limit
	 */
	public static RateLimit perSecond(double permitsPerSecond) {
		return new RateLimit(permitsPerSecond, (int) Math.max(1, Math.ceil(permitsPerSecond)));
	}

	/**
	 * @return a copy with the given burst
	 */
	public RateLimit withBurst(int capacity) {
		return new RateLimit(this.permitsPerSecond, capacity);
	}

}
