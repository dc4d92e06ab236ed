package dev.rpcadapter.dispatch;

import java.time.Duration;

/**
 * Limits that protect the server from oversized or hostile input.
 *
 * @param maxBatchSize most elements in one batch
 * @param maxNestingDepth deepest JSON nesting accepted
 * @param maxStringLength longest JSON string accepted (characters)
 * @param defaultTimeout how long a non-queued command may run unless it declares its own
 * timeout
 */
public record DispatchLimits(int maxBatchSize, int maxNestingDepth, int maxStringLength, Duration defaultTimeout) {

	public static final DispatchLimits DEFAULTS = new DispatchLimits(100, 64, 5_000_000, Duration.ofSeconds(60));

	public DispatchLimits {
		if (maxBatchSize < 1 || maxNestingDepth < 2 || maxStringLength < 1) {
			throw new IllegalArgumentException("Limits must be positive (batch >= 1, depth >= 2)");
		}
	}
}
