package dev.rpcadapter.client;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The answer to a queued command:
 * {@code {"job_id","status":"pending","command","poll_with"}}.
 *
 * @param jobId the job id
 * @param command the command name (may be empty if the server omitted it)
 * @param pollWith the method to poll the job with
 */
record JobEnvelope(String jobId, String command, String pollWith) {

	/**
	 * Recognizes an envelope. A result is one only if it is an object with string
	 * {@code job_id}, {@code status} and {@code poll_with}: a command that merely returns
	 * a job object (like {@code queue_get_job_status}) has no {@code poll_with} and is
	 * not mistaken for one.
	 * @return the envelope, or {@code null} if {@code result} is not one
	 */
	static @Nullable JobEnvelope detect(@Nullable JsonNode result) {
		if (result == null || !result.isObject()) {
			return null;
		}
		JsonNode jobId = result.path("job_id");
		JsonNode status = result.path("status");
		JsonNode pollWith = result.path("poll_with");
		if (!jobId.isString() || jobId.stringValue().isEmpty() || !status.isString() || !pollWith.isString()) {
			return null;
		}
		return new JobEnvelope(jobId.stringValue(), result.path("command").asString(""), pollWith.stringValue());
	}

}
