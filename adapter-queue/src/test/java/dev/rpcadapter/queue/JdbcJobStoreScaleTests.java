package dev.rpcadapter.queue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import dev.rpcadapter.command.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC store's parts that keep its cost flat as jobs accumulate: the counts kept by
 * triggers, the merged list pages, batched retention, and the in-place upgrade of a table
 * made by an earlier version.
 */
class JdbcJobStoreScaleTests {

	private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

	private static final String TABLE = QueueSchema.DEFAULT_JOB_TABLE;

	private static final List<String> OWNERS = List.of("alice", "bob", "carol");

	private static final List<String> COMMANDS = List.of("chunk", "long_task", "report", "import");

	private PostgresTestDatabase database;

	private JobStore store;

	@BeforeEach
	void setUp() throws Exception {
		this.database = new PostgresTestDatabase("queue_scale_tests");
		this.store = JobStore.jdbc(this.database.dataSource(), JsonMapper.builder().build(), TABLE);
	}

	@AfterEach
	void tearDown() throws Exception {
		this.database.close();
	}

	@Test
	void countsFollowEveryInsertUpdateDeleteAndTruncate() throws Exception {
		List<JobRecord> records = mixedJobs(60);
		assertThat(this.store.countByStatus()).isEqualTo(countedInTheTable());
		assertThat(this.store.count(JobStatus.COMPLETED)).isEqualTo(countedInTheTable().get(JobStatus.COMPLETED));
		assertThat(this.store.countPending("alice")).isEqualTo(records.stream()
			.filter((r) -> r.status() == JobStatus.PENDING && r.owner().principal().equals("alice"))
			.count());

		JobRecord pending = records.stream().filter((r) -> r.status() == JobStatus.PENDING).findFirst().orElseThrow();
		this.store.update(Records.running(pending, "n1", T0, ""), JobStatus.PENDING, null);
		this.store.requestStop(pending.jobId(), T0);
		this.store
			.delete(records.stream().filter((r) -> r.status() == JobStatus.FAILED).findFirst().orElseThrow().jobId());
		sql("UPDATE " + TABLE + " SET status = 'deleted' WHERE status = 'stopped'");
		assertThat(this.store.countByStatus()).isEqualTo(countedInTheTable());
		// a session whose search_path does not name the job table's schema (a script,
		// psql) is counted too
		sql("SET search_path TO public", "INSERT INTO queue_scale_tests." + TABLE + " (job_id, command, owner, roles, "
				+ "status, progress, description, created_at, updated_at) VALUES ('from-psql', 'chunk', 'alice', '[]', "
				+ "'pending', 0, '', now(), now())", "RESET search_path");
		assertThat(this.store.countByStatus()).isEqualTo(countedInTheTable());

		sql("TRUNCATE " + TABLE);
		assertThat(this.store.countByStatus()).containsOnlyKeys(JobStatus.values())
			.allSatisfy((s, n) -> assertThat(n).isZero());
	}

	@Test
	void listPagesAreTheNewestMatchingJobsWithExactTotals() {
		List<JobRecord> records = mixedJobs(240);
		List<JobQuery> queries = new ArrayList<>();
		for (String owner : new String[] { null, "alice" }) {
			queries.add(new JobQuery(owner, Set.of(), Set.of(), 10, 0));
			queries.add(new JobQuery(owner, Set.of(), Set.of(), 7, 13));
			queries.add(new JobQuery(owner, Set.of(JobStatus.FAILED), Set.of(), 5, 2));
			queries.add(new JobQuery(owner, Set.of(JobStatus.COMPLETED, JobStatus.PENDING), Set.of(), 20, 0));
			queries.add(new JobQuery(owner, Set.of(), Set.of("long_task"), 4, 1));
			queries.add(
					new JobQuery(owner, Set.of(JobStatus.STOPPED, JobStatus.DELETED), Set.of("chunk", "import"), 6, 0));
			queries.add(new JobQuery(owner, Set.of(), Set.of("nothing"), 10, 0));
			queries.add(new JobQuery(owner, Set.of(), Set.of(), 1000, 230));
		}
		for (JobQuery query : queries) {
			List<JobRecord> matching = records.stream().filter(query::matches).sorted(NEWEST_FIRST).toList();
			JobPage page = this.store.query(query);
			assertThat(page.totalCount()).as("%s", query).isEqualTo(matching.size());
			assertThat(page.jobs()).as("%s", query)
				.extracting(JobRecord::jobId)
				.containsExactlyElementsOf(
						matching.stream().skip(query.offset()).limit(query.limit()).map(JobRecord::jobId).toList());
		}
	}

	@Test
	void aFilterOfManyCommandsIsAnsweredByOneOrderedQuery() {
		List<JobRecord> records = mixedJobs(80);
		Set<String> commands = new java.util.HashSet<>(COMMANDS);
		IntStream.range(0, JdbcJobPages.MAX_BRANCHES).forEach((i) -> commands.add("other_" + i));
		JobQuery query = new JobQuery("bob", Set.of(), commands, 9, 3);
		List<JobRecord> matching = records.stream().filter(query::matches).sorted(NEWEST_FIRST).toList();

		JobPage page = this.store.query(query);

		assertThat(page.totalCount()).isEqualTo(matching.size());
		assertThat(page.jobs()).extracting(JobRecord::jobId)
			.containsExactlyElementsOf(matching.stream().skip(3).limit(9).map(JobRecord::jobId).toList());
	}

	@Test
	void retentionDeletesInBatchesWithTheJobsLogs() throws Exception {
		int jobs = 2 * JdbcRetention.BATCH + 500;
		seedFinished(jobs);
		this.store.appendLog("seeded-00010", new JobLogLine(1, T0, "INFO", "kept until the job goes"), 100);
		this.store.insert(JobRecord.pending("live", "chunk", null, Caller.of("alice", Set.of()), T0));

		assertThat(this.store.deleteFinishedBefore(T0.plus(Duration.ofSeconds(jobs - 100)))).isEqualTo(jobs - 100);

		assertThat(this.store.countByStatus().get(JobStatus.COMPLETED)).isEqualTo(100);
		assertThat(this.store.find("live")).isPresent();
		assertThat(this.store.logs("seeded-00010", 0, 10).lines()).isEmpty();
		assertThat(countedInTheTable()).isEqualTo(this.store.countByStatus());
		assertThat(rowsOf(TABLE + "_counts WHERE jobs = 0")).isZero();
	}

	@Test
	void trimKeepsTheNewestFromEitherEnd() throws Exception {
		seedFinished(3000);
		// the boundary is nearer the newest end: 10 kept of 3000
		assertThat(this.store.trimFinished(2990)).isEqualTo(10);
		assertThat(this.store.find("seeded-00009")).isEmpty();
		assertThat(this.store.find("seeded-00010")).isPresent();
		// nearer the oldest end, more than a batch to delete
		assertThat(this.store.trimFinished(25)).isEqualTo(2965);
		assertThat(this.store.find("seeded-02974")).isEmpty();
		assertThat(this.store.find("seeded-02975")).isPresent();
		assertThat(this.store.trimFinished(25)).isZero();
		assertThat(countedInTheTable().get(JobStatus.COMPLETED)).isEqualTo(25);
	}

	@Test
	void aJobTableOfAnEarlierVersionGetsItsCountsAndIndexesWhenUpgraded() throws Exception {
		mixedJobs(50);
		// the table as an earlier version made it: no counts, no triggers, the old
		// indexes
		sql("DROP TRIGGER adapter_count_inserts ON " + TABLE, "DROP TRIGGER adapter_count_updates ON " + TABLE,
				"DROP TRIGGER adapter_count_deletes ON " + TABLE, "DROP TRIGGER adapter_count_truncates ON " + TABLE,
				"DROP TABLE " + TABLE + "_counts", "DROP FUNCTION " + TABLE + "_count_jobs()",
				"DROP INDEX " + TABLE + "_list_idx", "DROP INDEX " + TABLE + "_finished_idx",
				"CREATE INDEX " + TABLE + "_status_idx ON " + TABLE + " (status, finished_at)",
				"CREATE INDEX " + TABLE + "_owner_idx ON " + TABLE + " (owner, created_at)",
				"CREATE INDEX " + TABLE + "_status_owner_idx ON " + TABLE + " (status, owner)",
				"INSERT INTO " + TABLE + " (job_id, command, owner, roles, status, progress, description, created_at, "
						+ "updated_at) VALUES ('old', 'chunk', 'alice', '[]', 'pending', 0, '', now(), now())");

		QueueSchema.createJobTable(this.database.dataSource(), TABLE);
		QueueSchema.createJobTable(this.database.dataSource(), TABLE);

		assertThat(this.store.countByStatus()).isEqualTo(countedInTheTable());
		assertThat(this.store.countPending("alice"))
			.isEqualTo(rowsOf(TABLE + " WHERE owner = 'alice' AND status = 'pending'"));
		this.store.delete("old");
		assertThat(this.store.countByStatus()).isEqualTo(countedInTheTable());
		assertThat(indexes())
			.contains(TABLE + "_list_idx", TABLE + "_finished_idx", TABLE + "_owner_list_idx",
					TABLE + "_command_list_idx", TABLE + "_owner_command_list_idx")
			.doesNotContain(TABLE + "_status_idx", TABLE + "_owner_idx", TABLE + "_status_owner_idx");
	}

	private static final Comparator<JobRecord> NEWEST_FIRST = Comparator.comparing(JobRecord::createdAt)
		.thenComparing(JobRecord::jobId)
		.reversed();

	/**
	 * Jobs of every owner, command and state, created a second apart (a few share a
	 * second).
	 */
	private List<JobRecord> mixedJobs(int count) {
		List<JobRecord> records = new ArrayList<>();
		JobStatus[] states = JobStatus.values();
		for (int i = 0; i < count; i++) {
			Instant created = T0.plusSeconds(i - (i % 7 == 0 ? 1 : 0));
			JobRecord pending = JobRecord.pending(String.format("job-%04d", i), COMMANDS.get((i / 3) % COMMANDS.size()),
					null, Caller.of(OWNERS.get(i % OWNERS.size()), Set.of("user")), created);
			this.store.insert(pending);
			JobStatus state = states[(i / 12) % states.length];
			JobRecord record = switch (state) {
				case PENDING -> pending;
				case RUNNING -> Records.running(pending, "n1", created, "");
				default -> Records.finished(pending, state, null, null, "", created.plusMillis(5));
			};
			if (state != JobStatus.PENDING) {
				this.store.update(record, JobStatus.PENDING, null);
			}
			records.add(record);
		}
		return records;
	}

	/**
	 * Completed jobs seeded-00000.. finished a second apart from T0, inserted by one
	 * statement.
	 */
	private void seedFinished(int count) throws SQLException {
		sql("INSERT INTO " + TABLE + " (job_id, command, owner, roles, status, progress, description, created_at, "
				+ "finished_at, updated_at) SELECT 'seeded-' || lpad(i::text, 5, '0'), 'chunk', 'alice', '[]', 'completed', "
				+ "100, '', timestamptz '2030-01-01 00:00:00Z', timestamptz '2030-01-01 00:00:00Z' + i * interval '1 second', "
				+ "timestamptz '2030-01-01 00:00:00Z' FROM generate_series(0, " + (count - 1) + ") AS i");
	}

	private Map<JobStatus, Long> countedInTheTable() throws SQLException {
		Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
		for (JobStatus status : JobStatus.values()) {
			counts.put(status, rowsOf(TABLE + " WHERE status = '" + status.wire() + "'"));
		}
		return counts;
	}

	private long rowsOf(String from) throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + from)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private List<String> indexes() throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT indexname FROM pg_indexes WHERE schemaname = "
						+ "current_schema() AND tablename = '" + TABLE + "'")) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

	private void sql(String... statements) throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
