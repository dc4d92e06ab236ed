package dev.rpcadapter.proxy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The MCP tasks the gateway handed out: task id {@code <server_id>__<job_id>} to the
 * server, the remote job and the principal that started it (only it may see the task). In
 * memory and bounded: the oldest are forgotten first, and a restarted proxy knows none
 * (their jobs run on).
 */
final class GatewayTasks {

	/**
	 * Separator of server id and command in a tool name, and of server id and job id in a
	 * task id.
	 */
	static final String SEPARATOR = "__";

	private final Map<String, Entry> tasks;

	GatewayTasks(int max) {
		this.tasks = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
				return size() > max;
			}
		};
	}

	/** Remembers a job started by {@code principal}; its task id. */
	synchronized String add(String serverId, String jobId, String principal) {
		String taskId = serverId + SEPARATOR + jobId;
		this.tasks.put(taskId, new Entry(serverId, jobId, principal));
		return taskId;
	}

	synchronized boolean contains(String taskId) {
		return this.tasks.containsKey(taskId);
	}

	/**
	 * The task if {@code principal} started it; another principal's task is unknown to
	 * it.
	 */
	synchronized @Nullable Entry find(String taskId, String principal) {
		Entry entry = this.tasks.get(taskId);
		return (entry != null && entry.principal().equals(principal)) ? entry : null;
	}

	/**
	 * One task.
	 *
	 * @param serverId the server running the job
	 * @param jobId the job's id on that server
	 * @param principal who started it
	 */
	record Entry(String serverId, String jobId, String principal) {
	}

}
