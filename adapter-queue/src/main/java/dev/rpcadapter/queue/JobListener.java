package dev.rpcadapter.queue;

/**
 * Told of every state change of a job made on this node (start, progress, terminal
 * state).
 */
@FunctionalInterface
public interface JobListener {

	/** Called after the change is stored; must be quick and must not throw. */
	void jobChanged(JobRecord record);

}
