package dev.rpcadapter.queue;

import java.util.List;

/**
 * A page of a job's log.
 *
 * @param lines the lines, oldest first
 * @param total how many lines are kept
 * @param dropped how many older lines were dropped by the per-job cap
 */
public record JobLogPage(List<JobLogLine> lines, long total, long dropped) {

	public JobLogPage {
		lines = List.copyOf(lines);
	}
}
