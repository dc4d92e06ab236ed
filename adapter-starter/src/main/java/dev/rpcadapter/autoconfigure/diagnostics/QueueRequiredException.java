package dev.rpcadapter.autoconfigure.diagnostics;

import java.util.List;

/** Queued commands exist but no queue is configured. */
public class QueueRequiredException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final List<String> commands;

	public QueueRequiredException(List<String> commands) {
		super("Queued commands " + commands + " need a job queue, but none is configured");
		this.commands = List.copyOf(commands);
	}

	public List<String> commands() {
		return this.commands;
	}

}
