package dev.rpcadapter.queue;

import java.util.List;

import dev.rpcadapter.command.Command;

/**
 * The built-in queue commands: {@code queue_get_job_status} (alias {@code job_status}),
 * {@code queue_list_jobs}, {@code queue_stop_job}, {@code queue_delete_job} and
 * {@code queue_health}.
 */
public final class QueueCommands {

	private QueueCommands() {
	}

	/**
	 * The commands, ready to register in a
	 * {@link dev.rpcadapter.command.CommandRegistry}.
	 */
	public static List<Command> of(JobQueue queue) {
		return new QueueCommandFactory(queue).commands();
	}

}
