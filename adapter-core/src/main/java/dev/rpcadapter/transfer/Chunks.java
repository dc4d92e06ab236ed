package dev.rpcadapter.transfer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Chunk bookkeeping. */
final class Chunks {

	private Chunks() {
	}

	/** The indexes below {@code count} not set in {@code received}. */
	public static List<Integer> missing(BitSet received, int count) {
		List<Integer> missing = new ArrayList<>();
		for (int i = received.nextClearBit(0); i < count; i = received.nextClearBit(i + 1)) {
			missing.add(i);
		}
		return missing;
	}

}
