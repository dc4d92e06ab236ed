package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class DefaultJobQueueTests {

	private static final Caller ALICE = Caller.of("alice", Set.of("user"));

	private static final Caller BOB = Caller.of("bob", Set.of("user"));

	private final CommandRegistry registry = CommandRegistry.create();

	private final MutableClock clock = new MutableClock();

	private final CountDownLatch release = new CountDownLatch(1);

	private Scheduler scheduler;

	private JobQueue queue;

	@BeforeEach
	void setUp() throws Exception {
		this.scheduler = TestCommands.ramScheduler(2);
		this.queue = JobQueue.builder(this.scheduler, this.registry)
			.clock(this.clock)
			.maxPending(3)
			.stopGracePeriod(Duration.ofMillis(300))
			.retention(Duration.ofHours(6))
			.maxFinishedJobs(5)
			.admins((caller) -> caller.principal().equals("root"))
			.build();
		this.scheduler.start();
	}

	@AfterEach
	void tearDown() throws Exception {
		this.release.countDown();
		this.queue.close();
		this.scheduler.shutdown(false);
	}

	private Command register(Command command) {
		this.registry.register(command);
		return command;
	}

	private JobRecord awaitStatus(String jobId, JobStatus status) {
		await().atMost(Duration.ofSeconds(5)).until(() -> this.queue.get(jobId, ALICE).status(), (s) -> s == status);
		return this.queue.get(jobId, ALICE);
	}

	@Test
	void submitReturnsQueuedEnvelopeAndJobCompletesWithResult() {
		Command echo = register(TestCommands.queued("echo", (job, params) -> params));
		JsonNode params = JsonNodeFactory.instance.objectNode().put("text", "hi");
		List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
		JsonNode envelope = (JsonNode) this.queue
			.submit(echo, params, CallContext.of(ALICE, "test").withJobListener(seen::add))
			.block();
		assertThat(envelope.get("status").asString()).isEqualTo("pending");
		assertThat(envelope.get("command").asString()).isEqualTo("echo");
		assertThat(envelope.get("poll_with").asString()).isEqualTo("queue_get_job_status");
		String jobId = envelope.get("job_id").asString();
		assertThat(seen).containsExactly(jobId);
		JobRecord done = awaitStatus(jobId, JobStatus.COMPLETED);
		assertThat(done.result()).isEqualTo(params);
		assertThat(done.progress()).isEqualTo(100);
		JsonNode json = this.queue.toJson(done);
		assertThat(json.get("result").get("text").asString()).isEqualTo("hi");
		assertThat(json.get("created_at").asString()).isEqualTo("2030-01-01T00:00:00Z");
		assertThat(json.has("started_at")).isTrue();
		assertThat(json.has("finished_at")).isTrue();
		assertThat(json.has("error")).isFalse();
	}

	@Test
	void progressIsClampedTruncatedAndPushedAsEvents() {
		CountDownLatch subscribed = new CountDownLatch(1);
		Command work = register(TestCommands.queued("work", (job, params) -> {
			subscribed.await(5, TimeUnit.SECONDS);
			job.progress(150, "x".repeat(2000));
			job.progress(-5, "back");
			return "ok";
		}));
		String jobId = TestCommands.submit(this.queue, work, null, ALICE);
		List<JsonNode> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		this.queue.events(jobId, ALICE).doOnNext((e) -> subscribed.countDown()).subscribe(events::add);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> !events.isEmpty()
					&& "job_completed".equals(events.get(events.size() - 1).get("event").asString()));
		assertThat(events).anySatisfy((e) -> {
			assertThat(e.get("progress").asInt()).isEqualTo(100);
			assertThat(e.get("description").asString()).hasSize(1024);
		});
		assertThat(events).anySatisfy((e) -> assertThat(e.get("progress").asInt()).isZero());
		JsonNode last = events.get(events.size() - 1);
		assertThat(last.get("status").asString()).isEqualTo("completed");
		assertThat(last.get("result").asString()).isEqualTo("ok");
		assertThat(last.has("timestamp")).isTrue();
	}

	@Test
	void cooperativeStopOfRunningJobReportsStopped() {
		CountDownLatch started = new CountDownLatch(1);
		Command loop = register(TestCommands.queued("loop", (job, params) -> {
			started.countDown();
			while (!job.isStopRequested()) {
				Thread.onSpinWait();
			}
			return "partial";
		}));
		String jobId = TestCommands.submit(this.queue, loop, null, ALICE);
		await().atMost(Duration.ofSeconds(5)).until(() -> started.getCount() == 0);
		JobRecord stopped = this.queue.stop(jobId, ALICE).block();
		assertThat(stopped.status()).isEqualTo(JobStatus.STOPPED);
		assertThat(stopped.result()).isNull();
		assertThat(this.queue.toJson(stopped).has("result")).isFalse();
	}

	@Test
	void stopInterruptsJobThatIgnoresTheFlagAfterGracePeriod() {
		Command stubborn = register(TestCommands.queued("stubborn", (job, params) -> {
			new CountDownLatch(1).await();
			return "never";
		}));
		String jobId = TestCommands.submit(this.queue, stubborn, null, ALICE);
		awaitStatus(jobId, JobStatus.RUNNING);
		JobRecord stopped = this.queue.stop(jobId, ALICE).block();
		assertThat(stopped.status()).isEqualTo(JobStatus.STOPPED);
		assertThat(stopped.error()).isNull();
	}

	@Test
	void stopOfJobThatFinishesBeforeTheStopTakesEffectReportsCompleted() throws Exception {
		CountDownLatch finish = new CountDownLatch(1);
		Command quick = register(TestCommands.queued("quick", (job, params) -> {
			finish.await(5, TimeUnit.SECONDS);
			return "done";
		}));
		String jobId = TestCommands.submit(this.queue, quick, null, ALICE);
		awaitStatus(jobId, JobStatus.RUNNING);
		var stopping = this.queue.stop(jobId, ALICE).toFuture();
		// let the command finish only once the stop request is recorded, without the
		// command reading the flag
		await().atMost(Duration.ofSeconds(5)).until(() -> this.queue.get(jobId, ALICE).stopRequested());
		finish.countDown();
		JobRecord result = stopping.get(5, TimeUnit.SECONDS);
		assertThat(result.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(result.result().asString()).isEqualTo("done");
		assertThat(result.stopRequested()).isTrue();
	}

	@Test
	void stopOfPendingJobStopsItWithoutRunning() throws Exception {
		this.scheduler.standby();
		AtomicBoolean ran = new AtomicBoolean();
		Command cmd = register(TestCommands.queued("never", (job, params) -> ran.getAndSet(true)));
		String jobId = TestCommands.submit(this.queue, cmd, null, ALICE);
		JobRecord stopped = this.queue.stop(jobId, ALICE).block();
		assertThat(stopped.status()).isEqualTo(JobStatus.STOPPED);
		assertThat(stopped.startedAt()).isNull();
		this.scheduler.start();
		TestCommands.submit(this.queue, register(TestCommands.queued("after", (job, params) -> 1)), null, ALICE);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.queue.counts().get(JobStatus.COMPLETED) == 1);
		assertThat(ran).isFalse();
		assertThat(this.queue.get(jobId, ALICE).status()).isEqualTo(JobStatus.STOPPED);
	}

	@Test
	void jobThatExceedsItsTimeoutFailsWithTimedOut() {
		Command slow = register(TestCommands.queued("slow", Duration.ofMillis(200), false, (job, params) -> {
			new CountDownLatch(1).await();
			return null;
		}));
		String jobId = TestCommands.submit(this.queue, slow, null, ALICE);
		JobRecord failed = awaitStatus(jobId, JobStatus.FAILED);
		assertThat(failed.error().code()).isEqualTo(-32003);
		assertThat(failed.error().message()).contains("timed out");
	}

	@Test
	void commandExceptionFailsJobWithItsCodeMessageAndData() {
		Command bad = register(TestCommands.queued("bad", (job, params) -> {
			throw CommandException.withData("no such file", java.util.Map.of("path", "/x"));
		}));
		JobRecord failed = awaitStatus(TestCommands.submit(this.queue, bad, null, ALICE), JobStatus.FAILED);
		assertThat(failed.error().code()).isEqualTo(-32000);
		assertThat(failed.error().message()).isEqualTo("no such file");
		assertThat(failed.error().data().get("path").asString()).isEqualTo("/x");
		assertThat(failed.result()).isNull();
	}

	@Test
	void unexpectedExceptionFailsJobWithInternalErrorAndNoExceptionText() {
		Command broken = register(TestCommands.queued("broken", (job, params) -> {
			throw new IllegalStateException("secret database password in message");
		}));
		JobRecord failed = awaitStatus(TestCommands.submit(this.queue, broken, null, ALICE), JobStatus.FAILED);
		assertThat(failed.error().code()).isEqualTo(-32603);
		assertThat(failed.error().message()).isEqualTo("Internal error");
		assertThat(failed.error().data().get("error_id").asString()).isNotBlank();
		assertThat(this.queue.toJson(failed).toString()).doesNotContain("secret");
	}

	@Test
	void submitBeyondMaxPendingIsRefusedWithQueueFull() throws Exception {
		this.scheduler.standby();
		Command cmd = register(TestCommands.queued("wait", (job, params) -> 1));
		for (int i = 0; i < 3; i++) {
			TestCommands.submit(this.queue, cmd, null, ALICE);
		}
		assertThatThrownBy(() -> TestCommands.submit(this.queue, cmd, null, ALICE))
			.isInstanceOfSatisfying(JsonRpcException.class, (ex) -> {
				assertThat(ex.error().code()).isEqualTo(-32006);
				assertThat(ex.error().message()).contains("Queue full");
			});
		assertThat(this.queue.counts().get(JobStatus.PENDING)).isEqualTo(3);
	}

	@Test
	void cleanupRemovesTerminalJobsOlderThanRetentionOnly() throws Exception {
		Command cmd = register(TestCommands.queued("one", (job, params) -> 1));
		String old = TestCommands.submit(this.queue, cmd, null, ALICE);
		awaitStatus(old, JobStatus.COMPLETED);
		this.clock.advance(Duration.ofHours(5));
		String recent = TestCommands.submit(this.queue, cmd, null, ALICE);
		awaitStatus(recent, JobStatus.COMPLETED);
		this.clock.advance(Duration.ofHours(1).plusSeconds(1));
		((DefaultJobQueue) this.queue).cleanupNow();
		assertThatThrownBy(() -> this.queue.get(old, ALICE)).isInstanceOf(JsonRpcException.class);
		assertThat(this.queue.get(recent, ALICE).status()).isEqualTo(JobStatus.COMPLETED);
	}

	@Test
	void cleanupKeepsAtMostMaxFinishedJobsDroppingTheOldest() {
		Command cmd = register(TestCommands.queued("many", (job, params) -> 1));
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 7; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			ids.add(TestCommands.submit(this.queue, cmd, null, ALICE));
			awaitStatus(ids.get(i), JobStatus.COMPLETED);
		}
		((DefaultJobQueue) this.queue).cleanupNow();
		assertThat(this.queue.counts().get(JobStatus.COMPLETED)).isEqualTo(5);
		assertThatThrownBy(() -> this.queue.get(ids.get(0), ALICE)).isInstanceOf(JsonRpcException.class);
		assertThat(this.queue.get(ids.get(6), ALICE)).isNotNull();
	}

	@Test
	void finishedJobsPastTheCapAreTrimmedBeforeTheNextCleanup() {
		// the retention cleanup runs hourly here; the cap must hold between cleanups
		// (soak: heap growth)
		this.queue.start();
		Command cmd = register(TestCommands.queued("burst", (job, params) -> 1));
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			ids.add(TestCommands.submit(this.queue, cmd, null, ALICE));
			awaitStatus(ids.get(i), JobStatus.COMPLETED);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.queue.counts().get(JobStatus.COMPLETED) == 5);
		assertThatThrownBy(() -> this.queue.get(ids.get(0), ALICE)).isInstanceOf(JsonRpcException.class);
		assertThat(this.queue.get(ids.get(7), ALICE)).isNotNull();
	}

	@Test
	void callersSeeOnlyTheirOwnJobsUnlessAdmin() {
		Command cmd = register(TestCommands.queued("mine", (job, params) -> 1));
		String jobId = TestCommands.submit(this.queue, cmd, null, ALICE);
		awaitStatus(jobId, JobStatus.COMPLETED);
		assertThatThrownBy(() -> this.queue.get(jobId, BOB)).isInstanceOfSatisfying(JsonRpcException.class,
				(ex) -> assertThat(ex.error().code()).isEqualTo(-32004));
		assertThatThrownBy(() -> this.queue.stop(jobId, BOB).block()).isInstanceOf(JsonRpcException.class);
		assertThatThrownBy(() -> this.queue.delete(jobId, BOB)).isInstanceOf(JsonRpcException.class);
		assertThat(this.queue.list(new JobQuery(null, Set.of(), Set.of(), 100, 0), BOB).totalCount()).isZero();
		assertThat(this.queue.get(jobId, Caller.of("root", Set.of()))).isNotNull();
		assertThat(this.queue.list(new JobQuery(null, Set.of(), Set.of(), 100, 0), Caller.of("root", Set.of()))
			.totalCount()).isEqualTo(1);
		// the literal role names of earlier versions grant nothing by themselves
		Caller rolesOnly = Caller.of("mallory", Set.of("queue_admin", "*"));
		assertThatThrownBy(() -> this.queue.get(jobId, rolesOnly)).isInstanceOf(JsonRpcException.class);
		assertThat(this.queue.list(new JobQuery(null, Set.of(), Set.of(), 100, 0), rolesOnly).totalCount()).isZero();
	}

	@Test
	void anonymousCallersSeeAnonymousJobs() {
		Command cmd = register(TestCommands.queued("anon", (job, params) -> 1));
		String jobId = TestCommands.submit(this.queue, cmd, null, Caller.ANONYMOUS);
		assertThat(this.queue.get(jobId, Caller.ANONYMOUS).jobId()).isEqualTo(jobId);
	}

	@Test
	void deleteOfRunningJobIsRefusedAndOfFinishedJobLeavesATombstone() {
		Command hold = register(TestCommands.queued("hold", (job, params) -> this.release.await(5, TimeUnit.SECONDS)));
		String jobId = TestCommands.submit(this.queue, hold, null, ALICE);
		awaitStatus(jobId, JobStatus.RUNNING);
		assertThatThrownBy(() -> this.queue.delete(jobId, ALICE)).isInstanceOfSatisfying(JsonRpcException.class,
				(ex) -> assertThat(ex.error().message()).contains("stop it with queue_stop_job first"));
		this.release.countDown();
		awaitStatus(jobId, JobStatus.COMPLETED);
		assertThat(this.queue.delete(jobId, ALICE).status()).isEqualTo(JobStatus.DELETED);
		JobRecord tombstone = this.queue.get(jobId, ALICE);
		assertThat(tombstone.status()).isEqualTo(JobStatus.DELETED);
		assertThat(tombstone.result()).isNull();
		assertThat(this.queue.toJson(tombstone).get("status").asString()).isEqualTo("deleted");
		this.clock.advance(Duration.ofHours(6).plusSeconds(1));
		((DefaultJobQueue) this.queue).cleanupNow();
		assertThatThrownBy(() -> this.queue.get(jobId, ALICE)).isInstanceOf(JsonRpcException.class);
	}

	@Test
	void eventsOfFinishedJobYieldTheTerminalEventAtOnce() {
		Command bad = register(TestCommands.queued("fails", (job, params) -> {
			throw new CommandException("nope");
		}));
		String jobId = TestCommands.submit(this.queue, bad, null, ALICE);
		awaitStatus(jobId, JobStatus.FAILED);
		List<JsonNode> events = this.queue.events(jobId, ALICE).collectList().block(Duration.ofSeconds(5));
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("event").asString()).isEqualTo("job_failed");
		assertThat(events.get(0).get("error").get("message").asString()).isEqualTo("nope");
	}

	@Test
	void eventsOfUnknownJobFailWithJobNotFound() {
		assertThatThrownBy(() -> this.queue.events("nope", ALICE).blockFirst())
			.isInstanceOfSatisfying(JsonRpcException.class, (ex) -> assertThat(ex.error().code()).isEqualTo(-32004));
	}

	@Test
	void healthIsOkWhenStartedAndDownInStandby() throws Exception {
		assertThat(this.queue.check().status().wire()).isEqualTo("ok");
		assertThat(this.queue.check().details()).containsEntry("store", "memory").containsKey("pending");
		this.scheduler.standby();
		assertThat(this.queue.check().status().wire()).isEqualTo("down");
	}

}
