package dev.rpcadapter.queue;

import java.time.Instant;

import dev.rpcadapter.jsonrpc.JsonRpcError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Copies of a {@link JobRecord} for each state transition. */
final class Records {

	private Records() {
	}

	static JobRecord running(JobRecord record, String node, Instant now, String description) {
		return new JobRecord(record.jobId(), record.command(), record.params(), record.owner(), JobStatus.RUNNING, 0,
				description, null, null, record.stopRequested(), record.createdAt(), now, null, now, node,
				record.traceParent());
	}

	static JobRecord finished(JobRecord record, JobStatus status, @Nullable JsonNode result,
			@Nullable JsonRpcError error, String description, Instant now) {
		int progress = (status == JobStatus.COMPLETED) ? 100 : record.progress();
		return new JobRecord(record.jobId(), record.command(), record.params(), record.owner(), status, progress,
				description, result, error, record.stopRequested(), record.createdAt(), record.startedAt(), now, now,
				record.node(), record.traceParent());
	}

	static JobRecord touched(JobRecord record, Instant now) {
		return new JobRecord(record.jobId(), record.command(), record.params(), record.owner(), record.status(),
				record.progress(), record.description(), record.result(), record.error(), record.stopRequested(),
				record.createdAt(), record.startedAt(), record.finishedAt(), now, record.node(), record.traceParent());
	}

}
