package dev.rpcadapter.autoconfigure.transfer;

import java.time.Instant;
import java.util.List;

import dev.rpcadapter.queue.JobQueue;
import dev.rpcadapter.transfer.Artifact;
import dev.rpcadapter.transfer.TransferJson;
import dev.rpcadapter.transfer.Transfers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Connects artifacts to the queue: {@code artifacts} in job objects,
 * {@code artifact_ready} events as artifacts appear, and again for each artifact already
 * there when a subscriber arrives (so an event may come twice to a subscriber that
 * arrives just as it is published: at least once).
 */
final class JobArtifacts {

	private JobArtifacts() {
	}

	static void attach(Transfers transfers, JobQueue queue) {
		queue.addJobDecorator((record, node) -> {
			List<Artifact> artifacts = transfers.artifacts(record.jobId());
			if (!artifacts.isEmpty()) {
				node.set("artifacts", TransferJson.artifacts(artifacts));
			}
		});
		queue.addEventReplay((record) -> transfers.artifacts(record.jobId())
			.stream()
			.map((artifact) -> (JsonNode) event(record.jobId(), artifact))
			.toList());
		transfers.addArtifactListener((jobId, artifact) -> queue.publishEvent(jobId, event(jobId, artifact)));
	}

	/**
	 * {@code {"event": "artifact_ready", "job_id", "artifact":
	 * {"name","transfer_id","size","sha256"}, "timestamp"}}
	 */
	static ObjectNode event(String jobId, Artifact artifact) {
		ObjectNode event = JsonNodeFactory.instance.objectNode().put("event", "artifact_ready").put("job_id", jobId);
		event.set("artifact", TransferJson.artifact(artifact));
		return event.put("timestamp", Instant.now().toString());
	}

}
