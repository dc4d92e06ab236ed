package dev.rpcadapter.client;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code /ws} job events.
 */
final class JobEvents {

	private JobEvents() {
	}

	/**
	 * @return the event, or {@code null} if the message is not a job event
	 */
	static @Nullable JobEvent fromJson(JsonNode message) {
		JobEventType type = JobEventType.fromWireName(message.path("event").asString(""));
		JsonNode jobId = message.path("job_id");
		if (type == null || !jobId.isString()) {
			return null;
		}
		JsonNode status = message.path("status");
		RemoteJobState state = status.isString() ? RemoteJobState.fromWireName(status.stringValue()) : stateOf(type);
		JsonNode error = message.get("error");
		return new JobEvent(type, jobId.stringValue(), state, message.path("progress").asInt(0),
				message.path("description").asString(""), present(message.get("result")),
				(present(error) != null) ? RpcError.fromJson(error) : null, timestamp(message.path("timestamp")));
	}

	private static RemoteJobState stateOf(JobEventType type) {
		return switch (type) {
			case PROGRESS -> RemoteJobState.RUNNING;
			case COMPLETED -> RemoteJobState.COMPLETED;
			case FAILED -> RemoteJobState.FAILED;
			case STOPPED -> RemoteJobState.STOPPED;
		};
	}

	private static @Nullable JsonNode present(@Nullable JsonNode node) {
		return (node == null || node.isNull() || node.isMissingNode()) ? null : node;
	}

	private static @Nullable Instant timestamp(JsonNode node) {
		if (!node.isString()) {
			return null;
		}
		try {
			return Instant.parse(node.stringValue());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
