package dev.rpcadapter.command;

import reactor.core.publisher.Mono;

/** A command invocation whose params are bound and valid. */
@FunctionalInterface
public interface PreparedCall {

	/**
	 * Runs the command.
	 * @param caller who calls
	 * @param job the job context ({@link JobContext#NONE} when not queued)
	 * @return the result value (any Jackson-serializable object, or a {@code JsonNode});
	 * empty for {@code null}
	 */
	Mono<Object> execute(Caller caller, JobContext job);

}
