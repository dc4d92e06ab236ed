package dev.rpcadapter.client;

/**
 * Kinds of job events pushed on {@code /ws}.
 */
public enum JobEventType {

	/** {@code job_progress}: the job's state, progress or description changed. */
	PROGRESS("job_progress"),

	/** {@code job_completed}: terminal, the command returned normally. */
	COMPLETED("job_completed"),

	/** {@code job_failed}: terminal, the command threw or timed out. */
	FAILED("job_failed"),

	/** {@code job_stopped}: terminal, a stop was honoured. */
	STOPPED("job_stopped");

	private final String wireName;

	JobEventType(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * @return the {@code event} value on the wire
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * @return whether this event ends the job
	 */
	public boolean isTerminal() {
		return this != PROGRESS;
	}

	/**
	 * @param wireName an {@code event} value
	 * @return the matching type, or {@code null} if it is not a job event
	 */
	public static @org.jspecify.annotations.Nullable JobEventType fromWireName(String wireName) {
		for (JobEventType type : values()) {
			if (type.wireName.equals(wireName)) {
				return type;
			}
		}
		return null;
	}

}
