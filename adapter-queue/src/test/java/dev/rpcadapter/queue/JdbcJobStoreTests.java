package dev.rpcadapter.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcJobStoreTests {

	private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

	private PostgresTestDatabase database;

	private JobStore store;

	@BeforeEach
	void setUp() throws Exception {
		this.database = new PostgresTestDatabase("queue_store_tests");
		this.store = JobStore.jdbc(this.database.dataSource(), JsonMapper.builder().build(),
				QueueSchema.DEFAULT_JOB_TABLE);
	}

	@AfterEach
	void tearDown() throws Exception {
		this.database.close();
	}

	private JobRecord pending(String id, String owner, Instant at) {
		return JobRecord.pending(id, "cmd", JsonNodeFactory.instance.objectNode().put("n", 1),
				Caller.of(owner, Set.of("user", "ops")), at);
	}

	@Test
	void recordsRoundTripWithParamsOwnerAndRoles() {
		this.store.insert(pending("a", "alice", T0));
		JobRecord found = this.store.find("a").orElseThrow();
		assertThat(found.params().get("n").asInt()).isEqualTo(1);
		assertThat(found.owner().principal()).isEqualTo("alice");
		assertThat(found.owner().roles()).containsExactlyInAnyOrder("user", "ops");
		assertThat(found.createdAt()).isEqualTo(T0);
		assertThat(found.status()).isEqualTo(JobStatus.PENDING);
	}

	@Test
	void theCallersAttributesTravelWithTheJob() {
		Caller caller = new Caller("bob", Set.of("user"), Map.of("certificate_serial", "1f", "unit_id", "unit-7",
				"authenticated_by", List.of("certificate", "token"), "not_json", new NoJsonForm()));
		this.store.insert(JobRecord.pending("attrs", "cmd", null, caller, T0));
		this.store.insert(pending("plain", "alice", T0));

		Caller found = this.store.find("attrs").orElseThrow().owner();

		assertThat(found.attributes()).containsOnlyKeys("certificate_serial", "unit_id", "authenticated_by");
		assertThat(found.attributes().get("unit_id")).isEqualTo("unit-7");
		assertThat(found.attributes().get("authenticated_by")).isEqualTo(List.of("certificate", "token"));
		assertThat(this.store.find("plain").orElseThrow().owner().attributes()).isEmpty();
	}

	/** An attribute value that Jackson cannot write. */
	public static final class NoJsonForm {

		public String getValue() {
			throw new IllegalStateException("no JSON form");
		}

	}

	@Test
	void aJobTableFromBeforeCallerAttributesIsUpgradedInPlace() throws Exception {
		try (var connection = this.database.dataSource().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("ALTER TABLE " + QueueSchema.DEFAULT_JOB_TABLE + " DROP COLUMN caller_attributes");
		}
		QueueSchema.createJobTable(this.database.dataSource(), QueueSchema.DEFAULT_JOB_TABLE);

		this.store.insert(JobRecord.pending("after", "cmd", null,
				new Caller("bob", Set.of("user"), Map.of("unit_id", "unit-7")), T0));
		assertThat(this.store.find("after").orElseThrow().owner().attributes()).containsEntry("unit_id", "unit-7");
	}

	@Test
	void theTraceParentIsStoredAndKeptThroughUpdates() {
		String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
		this.store.insert(JobRecord.pending("traced", "cmd", null, Caller.of("alice", Set.of()), T0, traceparent));
		JobRecord pending = this.store.find("traced").orElseThrow();
		assertThat(pending.traceParent()).isEqualTo(traceparent);
		assertThat(this.store.update(Records.running(pending, "n1", T0, ""), JobStatus.PENDING, null)).isTrue();
		assertThat(this.store.find("traced").orElseThrow().traceParent()).isEqualTo(traceparent);
	}

	@Test
	void aJobTableFromBeforeTraceParentsIsUpgradedInPlace() throws Exception {
		try (var connection = this.database.dataSource().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("ALTER TABLE " + QueueSchema.DEFAULT_JOB_TABLE + " DROP COLUMN trace_parent");
		}
		QueueSchema.createJobTable(this.database.dataSource(), QueueSchema.DEFAULT_JOB_TABLE);

		this.store.insert(JobRecord.pending("after", "cmd", null, Caller.of("alice", Set.of()), T0, "00-x"));
		assertThat(this.store.find("after").orElseThrow().traceParent()).isEqualTo("00-x");
	}

	@Test
	void updateIsACompareAndSetOnStatusAndNode() {
		JobRecord record = pending("a", "alice", T0);
		this.store.insert(record);
		JobRecord running = Records.running(record, "n1", T0, "");
		assertThat(this.store.update(running, JobStatus.PENDING, null)).isTrue();
		assertThat(this.store.update(running, JobStatus.PENDING, null)).isFalse();
		JobRecord failed = Records.finished(running, JobStatus.FAILED, null, JsonRpcError.of(-32003, "timed out"), "",
				T0.plusSeconds(1));
		assertThat(this.store.update(failed, JobStatus.RUNNING, "n2")).isFalse();
		assertThat(this.store.requestStop("a", T0)).isTrue();
		assertThat(this.store.update(failed, JobStatus.RUNNING, "n1")).isTrue();
		JobRecord stored = this.store.find("a").orElseThrow();
		assertThat(stored.error().code()).isEqualTo(-32003);
		assertThat(stored.stopRequested()).isTrue();
		assertThat(this.store.requestStop("a", T0)).isFalse();
	}

	@Test
	void queryFiltersByOwnerStatusAndCommandNewestFirst() {
		for (int i = 0; i < 5; i++) {
			this.store.insert(pending("job" + i, (i % 2 == 0) ? "alice" : "bob", T0.plusSeconds(i)));
		}
		var page = this.store.query(new JobQuery("alice", JobStatus.PENDING, "cmd", 2, 0));
		assertThat(page.totalCount()).isEqualTo(3);
		assertThat(page.jobs()).extracting(JobRecord::jobId).containsExactly("job4", "job2");
		assertThat(this.store.countByStatus().get(JobStatus.PENDING)).isEqualTo(5);
		assertThat(this.store.count(JobStatus.PENDING)).isEqualTo(5);
		assertThat(this.store.count(JobStatus.RUNNING)).isZero();
		assertThat(this.store.findAll(List.of("job1", "nope"))).hasSize(1);
	}

	@Test
	void retentionDeletesOldFinishedJobsAndTrimKeepsTheNewest() {
		for (int i = 0; i < 4; i++) {
			JobRecord record = pending("job" + i, "alice", T0);
			this.store.insert(record);
			this.store.update(
					Records.finished(record, JobStatus.COMPLETED, null, null, "", T0.plus(Duration.ofHours(i))),
					JobStatus.PENDING, null);
		}
		this.store.insert(pending("live", "alice", T0));
		assertThat(this.store.deleteFinishedBefore(T0.plus(Duration.ofMinutes(30)))).isEqualTo(1);
		assertThat(this.store.trimFinished(2)).isEqualTo(1);
		assertThat(this.store.find("job3")).isPresent();
		assertThat(this.store.find("job2")).isPresent();
		assertThat(this.store.find("job1")).isEmpty();
		assertThat(this.store.find("live")).isPresent();
	}

	@Test
	void schemaCreationIsIdempotent() {
		QueueSchema.createJobTable(this.database.dataSource(), QueueSchema.DEFAULT_JOB_TABLE);
		QueueSchema.createQuartzTables(this.database.dataSource(), "QRTZ_");
		this.store.insert(pending("kept", "alice", T0));
		QueueSchema.createJobTable(this.database.dataSource(), QueueSchema.DEFAULT_JOB_TABLE);
		assertThat(this.store.find("kept")).isPresent();
	}

}
