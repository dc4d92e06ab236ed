package dev.rpcadapter.security.ratelimit;

/**
 * A monotonic nanosecond time source, so tests can drive time without sleeping.
 */
@FunctionalInterface
public interface NanoClock {

	/**
	 * @return the current value of a monotonic clock, in nanoseconds
	 */
	long nanoTime();

	/**
	 * @return the JVM's monotonic clock ({@link System#nanoTime()})
	 */
	static NanoClock system() {
		return System::nanoTime;
	}

}
