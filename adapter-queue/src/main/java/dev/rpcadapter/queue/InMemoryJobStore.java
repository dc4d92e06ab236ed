package dev.rpcadapter.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/** Job records in a map; mutations are serialized on the store, reads are lock-free. */
final class InMemoryJobStore implements JobStore {

	private static final Comparator<JobRecord> NEWEST_FIRST = Comparator.comparing(JobRecord::createdAt)
		.thenComparing(JobRecord::jobId)
		.reversed();

	private static final Comparator<JobRecord> FINISHED_FIRST = Comparator
		.comparing((JobRecord r) -> Objects.requireNonNullElse(r.finishedAt(), r.updatedAt()));

	private final Map<String, JobRecord> records = new ConcurrentHashMap<>();

	private final Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);

	private final Map<String, java.util.ArrayDeque<JobLogLine>> logs = new ConcurrentHashMap<>();

	public InMemoryJobStore() {
		for (JobStatus status : JobStatus.values()) {
			this.counts.put(status, 0L);
		}
	}

	@Override
	public synchronized void insert(JobRecord record) {
		if (this.records.putIfAbsent(record.jobId(), record) != null) {
			throw new IllegalStateException("Job " + record.jobId() + " already exists");
		}
		count(record.status(), 1);
	}

	@Override
	public Optional<JobRecord> find(String jobId) {
		return Optional.ofNullable(this.records.get(jobId));
	}

	@Override
	public List<JobRecord> findAll(Collection<String> jobIds) {
		return jobIds.stream().map(this.records::get).filter(Objects::nonNull).toList();
	}

	@Override
	public synchronized boolean update(JobRecord updated, JobStatus expectedStatus, @Nullable String expectedNode) {
		JobRecord current = this.records.get(updated.jobId());
		if (current == null || current.status() != expectedStatus
				|| (expectedNode != null && !expectedNode.equals(current.node()))) {
			return false;
		}
		this.records.put(updated.jobId(),
				new JobRecord(current.jobId(), current.command(), current.params(), current.owner(), updated.status(),
						updated.progress(), updated.description(), updated.result(), updated.error(),
						current.stopRequested(), current.createdAt(), updated.startedAt(), updated.finishedAt(),
						updated.updatedAt(), updated.node(), current.traceParent()));
		count(current.status(), -1);
		count(updated.status(), 1);
		return true;
	}

	@Override
	public synchronized Claim claim(JobRecord running, int commandLimit, int globalLimit) {
		JobRecord current = this.records.get(running.jobId());
		if (current == null || current.status() != JobStatus.PENDING) {
			return Claim.CHANGED;
		}
		if (globalLimit > 0 && count(JobStatus.RUNNING) >= globalLimit) {
			return Claim.LIMITED;
		}
		if (commandLimit > 0 && this.records.values()
			.stream()
			.filter((r) -> r.status() == JobStatus.RUNNING && r.command().equals(running.command()))
			.count() >= commandLimit) {
			return Claim.LIMITED;
		}
		return update(running, JobStatus.PENDING, null) ? Claim.CLAIMED : Claim.CHANGED;
	}

	@Override
	public long countPending(String owner) {
		return this.records.values()
			.stream()
			.filter((r) -> r.status() == JobStatus.PENDING && owner.equals(r.owner().principal()))
			.count();
	}

	@Override
	public synchronized boolean requestStop(String jobId, Instant now) {
		JobRecord current = this.records.get(jobId);
		if (current == null || current.status().isTerminal()) {
			return false;
		}
		this.records.put(jobId,
				new JobRecord(current.jobId(), current.command(), current.params(), current.owner(), current.status(),
						current.progress(), current.description(), current.result(), current.error(), true,
						current.createdAt(), current.startedAt(), current.finishedAt(), now, current.node(),
						current.traceParent()));
		return true;
	}

	@Override
	public void appendLog(String jobId, JobLogLine line, int maxLines) {
		java.util.ArrayDeque<JobLogLine> lines = this.logs.computeIfAbsent(jobId, (id) -> new java.util.ArrayDeque<>());
		synchronized (lines) {
			lines.addLast(line);
			while (lines.size() > maxLines) {
				lines.removeFirst();
			}
		}
	}

	@Override
	public long lastLogSeq(String jobId) {
		java.util.ArrayDeque<JobLogLine> lines = this.logs.get(jobId);
		if (lines == null) {
			return 0;
		}
		synchronized (lines) {
			return lines.isEmpty() ? 0 : lines.getLast().seq();
		}
	}

	@Override
	public void deleteLogs(String jobId) {
		this.logs.remove(jobId);
	}

	@Override
	public JobLogPage logs(String jobId, int offset, int limit) {
		java.util.ArrayDeque<JobLogLine> lines = this.logs.get(jobId);
		if (lines == null) {
			return new JobLogPage(List.of(), 0, 0);
		}
		synchronized (lines) {
			List<JobLogLine> page = lines.stream().skip(offset).limit(limit).toList();
			long last = lines.isEmpty() ? 0 : lines.getLast().seq();
			return new JobLogPage(page, lines.size(), last - lines.size());
		}
	}

	@Override
	public synchronized boolean delete(String jobId) {
		this.logs.remove(jobId);
		JobRecord removed = this.records.remove(jobId);
		if (removed != null) {
			count(removed.status(), -1);
		}
		return removed != null;
	}

	@Override
	public JobPage query(JobQuery query) {
		List<JobRecord> matching = this.records.values().stream().filter(query::matches).sorted(NEWEST_FIRST).toList();
		int from = Math.min(query.offset(), matching.size());
		int to = Math.min(from + query.limit(), matching.size());
		return new JobPage(matching.subList(from, to), matching.size());
	}

	@Override
	public synchronized long count(JobStatus status) {
		return this.counts.getOrDefault(status, 0L);
	}

	@Override
	public synchronized Map<JobStatus, Long> countByStatus() {
		return new EnumMap<>(this.counts);
	}

	@Override
	public List<JobRecord> findByStatus(JobStatus status, int limit) {
		return this.records.values()
			.stream()
			.filter((r) -> r.status() == status)
			.sorted(Comparator.comparing(JobRecord::createdAt))
			.limit(limit)
			.toList();
	}

	@Override
	public synchronized int deleteFinishedBefore(Instant cutoff) {
		List<String> expired = new ArrayList<>();
		this.records.values().forEach((r) -> {
			if (r.status().isTerminal() && r.finishedAt() != null && r.finishedAt().isBefore(cutoff)) {
				expired.add(r.jobId());
			}
		});
		expired.forEach(this::delete);
		return expired.size();
	}

	@Override
	public synchronized int trimFinished(int keep) {
		List<JobRecord> finished = this.records.values()
			.stream()
			.filter((r) -> r.status().isTerminal())
			.sorted(FINISHED_FIRST)
			.toList();
		int excess = finished.size() - keep;
		for (int i = 0; i < excess; i++) {
			delete(finished.get(i).jobId());
		}
		return Math.max(0, excess);
	}

	@Override
	public boolean isShared() {
		return false;
	}

	@Override
	public String kind() {
		return "memory";
	}

	private void count(JobStatus status, long delta) {
		this.counts.merge(status, delta, Long::sum);
	}

}
