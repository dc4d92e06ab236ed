package dev.rpcadapter.client;

import java.util.List;

/**
 * One page of {@code queue_list_jobs}: the jobs on it and how many match the filter in
 * all, so a caller can page through with {@code limit} and {@code offset}.
 *
 * @param jobs the jobs on this page, newest first
 * @param totalCount how many jobs match the filter (on all pages); the page's size when
 * the server does not say
 * @param limit the page size the server applied
 * @param offset how many matching jobs precede this page
 */
public record RemoteJobPage(List<RemoteJob> jobs, int totalCount, int limit, int offset) {

	public RemoteJobPage {
		jobs = List.copyOf(jobs);
	}

	/**
	 * @return whether jobs matching the filter follow this page
	 */
	public boolean hasMore() {
		return this.offset + this.jobs.size() < this.totalCount;
	}
}
