package dev.rpcadapter.bench.queue;

/** Something that accepts trivial jobs: the adapter's job queue, or plain Quartz. */
interface BenchTarget extends AutoCloseable {

	/** Submits one trivial job and returns once it is accepted. */
	void submit(int sequence) throws Exception;

	/** How many submitted jobs have finished. */
	long completed();

	@Override
	void close() throws Exception;

}
