package dev.rpcadapter.queue;

import java.util.List;

/**
 * One page of a {@link JobQuery}.
 *
 * @param jobs the records of the page
 * @param totalCount how many records match the query in all
 */
public record JobPage(List<JobRecord> jobs, long totalCount) {

	public JobPage {
		jobs = List.copyOf(jobs);
	}
}
