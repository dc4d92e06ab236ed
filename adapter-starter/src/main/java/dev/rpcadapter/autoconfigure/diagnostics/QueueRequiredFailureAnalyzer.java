package dev.rpcadapter.autoconfigure.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains queued commands without a queue. */
class QueueRequiredFailureAnalyzer extends AbstractFailureAnalyzer<QueueRequiredException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, QueueRequiredException cause) {
		return new FailureAnalysis("These commands are declared with @JsonRpcCommand(queued = true): "
				+ cause.commands()
				+ ", but the job queue is not available (adapter.queue.enabled=false, or adapter-queue and Quartz are not on the classpath).",
				"Set adapter.queue.enabled=true and make sure dev.rpcadapter:adapter-queue and spring-boot-starter-quartz "
						+ "are dependencies, or remove queued = true from those commands.",
				cause);
	}

}
