package dev.rpcadapter.queue;

import java.util.Locale;

/**
 * The states of a job. A job moves pending → running → completed | failed | stopped; a
 * deleted job is kept as a {@code deleted} tombstone for the retention period.
 */
public enum JobStatus {

	/** Accepted and waiting for a worker. */
	PENDING,

	/** A worker executes the command. */
	RUNNING,

	/** The command returned normally. */
	COMPLETED,

	/** The command threw, timed out, or could not run; {@code error} says why. */
	FAILED,

	/** A stop was requested and honoured (or the job was stopped before it started). */
	STOPPED,

	/**
	 * Deleted by {@code queue_delete_job}: a tombstone without result, kept for the
	 * retention period.
	 */
	DELETED;

	/** The name on the wire: {@code pending}, {@code running}, ... */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean isTerminal() {
		return this != PENDING && this != RUNNING;
	}

	/**
	 * Parses a wire name.
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static JobStatus fromWire(String name) {
		for (JobStatus status : values()) {
			if (status.wire().equals(name)) {
				return status;
			}
		}
		throw new IllegalArgumentException("Unknown job status '" + name + "'");
	}

}
