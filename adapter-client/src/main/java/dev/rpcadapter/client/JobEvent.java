package dev.rpcadapter.client;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A job event pushed on {@code /ws} to subscribers of the job.
 *
 * @param type the event kind
 * @param jobId the job id
 * @param state the job's state at the time of the event
 * @param progress progress 0..100
 * @param description the progress description, may be empty
 * @param result the command's return value on {@link JobEventType#COMPLETED}, if sent
 * @param error the JSON-RPC error on {@link JobEventType#FAILED}, if sent
 * @param timestamp when the server emitted it, {@code null} if not sent
 */
public record JobEvent(JobEventType type, String jobId, RemoteJobState state, int progress, String description,
		@Nullable JsonNode result, @Nullable RpcError error, @Nullable Instant timestamp) {

	/**
	 * @param command the job's command name (events do not carry it)
	 * @return this event as a {@link RemoteJob}; timestamps other than {@code finishedAt}
	 * are unknown
	 */
	public RemoteJob toJobStatus(String command) {
		return new RemoteJob(this.jobId, command, this.state, this.progress, this.description, this.result, this.error,
				null, null, this.type.isTerminal() ? this.timestamp : null);
	}

}
