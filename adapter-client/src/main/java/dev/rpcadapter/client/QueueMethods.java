package dev.rpcadapter.client;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Names and params of the server's built-in queue methods (contract §5). Param names are
 * the server's, exactly: {@code job_id}, {@code status_filter}, {@code command},
 * {@code limit}, {@code offset}.
 */
final class QueueMethods {

	static final String GET_JOB_STATUS = "queue_get_job_status";

	static final String LIST_JOBS = "queue_list_jobs";

	static final String STOP_JOB = "queue_stop_job";

	static final String DELETE_JOB = "queue_delete_job";

	private QueueMethods() {
	}

	static Map<String, Object> jobIdParams(String jobId) {
		if (jobId == null || jobId.isBlank()) {
			throw new IllegalArgumentException("jobId must not be blank");
		}
		return Map.of("job_id", jobId);
	}

	static Map<String, Object> listParams(@Nullable RemoteJobState statusFilter, @Nullable String command,
			@Nullable Integer limit, @Nullable Integer offset) {
		if (limit != null && (limit < 1 || limit > 1000)) {
			throw new IllegalArgumentException("limit must be between 1 and 1000, got " + limit);
		}
		if (offset != null && offset < 0) {
			throw new IllegalArgumentException("offset must not be negative, got " + offset);
		}
		Map<String, Object> params = new LinkedHashMap<>();
		if (statusFilter != null) {
			params.put("status_filter", statusFilter.wireName());
		}
		if (command != null) {
			params.put("command", command);
		}
		if (limit != null) {
			params.put("limit", limit);
		}
		if (offset != null) {
			params.put("offset", offset);
		}
		return params;
	}

}
