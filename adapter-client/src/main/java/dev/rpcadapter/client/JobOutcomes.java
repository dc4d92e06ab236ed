package dev.rpcadapter.client;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Turns a terminal job status into the value {@code execute} returns or the exception it
 * throws.
 */
final class JobOutcomes {

	private JobOutcomes() {
	}

	/**
	 * @param status a terminal status
	 * @return the job's result ({@link NullNode} when the command returned null)
	 * @throws JobFailedException if the job failed
	 * @throws JobStoppedException if the job was stopped
	 */
	static JsonNode resultOf(RemoteJob status) {
		return switch (status.state()) {
			case COMPLETED -> (status.result() != null) ? status.result() : NullNode.getInstance();
			case FAILED -> throw new JobFailedException(status.jobId(), (status.error() != null) ? status.error()
					: new RpcError(RpcErrorCodes.INTERNAL_ERROR, "Job failed without an error object", null));
			case STOPPED -> throw new JobStoppedException(status.jobId());
			case DELETED -> throw new JobFailedException(status.jobId(),
					new RpcError(RpcErrorCodes.JOB_NOT_FOUND, "Job " + status.jobId() + " was deleted", null));
			case PENDING, RUNNING -> throw new IllegalStateException("Job " + status.jobId() + " is not finished");
		};
	}

}
