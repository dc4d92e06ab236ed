package dev.rpcadapter.support;

import java.util.concurrent.ThreadLocalRandom;

/** Short random ids that tie a client-visible internal error to a server log line. */
public final class ErrorIds {

	private ErrorIds() {
	}

	public static String next() {
		return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
	}

}
