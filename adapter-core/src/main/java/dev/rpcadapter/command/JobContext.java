package dev.rpcadapter.command;

/**
 * Injected into a queued command: reports progress, tells whether a stop was requested, and names
 * the job. Declare a parameter of this type on a command method to receive it.
 */
public interface JobContext {

	/** The job's id, as returned to the caller. */
	String jobId();

	/**
	 * Reports progress.
	 * @param percent 0..100 (clamped)
	 * @param description what the job is doing; at most 1024 characters (longer is truncated)
	 */
	void progress(int percent, String description);

	/** Whether a stop was requested; a cooperative command returns soon after it sees {@code true}. */
	boolean isStopRequested();

	/** A context for commands called directly (not as a job): no progress, never stopped. */
	JobContext NONE = new JobContext() {
		@Override
		public String jobId() {
			return "";
		}

		@Override
		public void progress(int percent, String description) {
		}

		@Override
		public boolean isStopRequested() {
			return false;
		}
	};
}
