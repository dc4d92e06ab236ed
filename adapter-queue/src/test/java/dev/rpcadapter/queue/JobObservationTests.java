package dev.rpcadapter.queue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class JobObservationTests {

	private static final Caller ALICE = Caller.of("alice", Set.of("user"));

	private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	private final CommandRegistry registry = CommandRegistry.create();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private Scheduler scheduler;

	private JobQueue queue;

	@BeforeEach
	void setUp() throws Exception {
		// stands in for a tracing handler: writes a traceparent into every sender's
		// carrier
		this.observations.observationConfig().observationHandler(new ObservationHandler<SenderContext<Object>>() {
			@Override
			public void onStart(SenderContext<Object> context) {
				context.getSetter().set(context.getCarrier(), "traceparent", TRACEPARENT);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof SenderContext;
			}
		});
		this.scheduler = TestCommands.ramScheduler(2);
		this.queue = JobQueue.builder(this.scheduler, this.registry).observationRegistry(this.observations).build();
		this.scheduler.start();
	}

	@AfterEach
	void tearDown() throws Exception {
		this.queue.close();
		this.scheduler.shutdown(false);
	}

	private Command register(Command command) {
		this.registry.register(command);
		return command;
	}

	private JobRecord awaitEnd(String jobId) {
		await().atMost(Duration.ofSeconds(5)).until(() -> this.queue.get(jobId, ALICE).status().isTerminal());
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.observations).hasObservationWithNameEqualTo("rpc.adapter.queue.job")
				.that()
				.hasBeenStopped());
		return this.queue.get(jobId, ALICE);
	}

	@Test
	void aJobsSubmissionAndExecutionAreObserved() {
		Command echo = register(TestCommands.queued("echo", (job, params) -> "hi"));
		awaitEnd(TestCommands.submit(this.queue, echo, null, ALICE));
		assertThat(this.observations).hasObservationWithNameEqualTo("rpc.adapter.queue.submit")
			.that()
			.hasContextualNameEqualTo("submit echo")
			.hasLowCardinalityKeyValue("command", "echo");
		assertThat(this.observations).hasObservationWithNameEqualTo("rpc.adapter.queue.job")
			.that()
			.hasContextualNameEqualTo("job echo")
			.hasLowCardinalityKeyValue("command", "echo")
			.hasLowCardinalityKeyValue("outcome", "completed")
			.hasBeenStopped();
	}

	@Test
	void aFailedJobIsObservedWithItsOutcome() {
		Command boom = register(TestCommands.queued("boom", (job, params) -> {
			throw new IllegalStateException("boom");
		}));
		awaitEnd(TestCommands.submit(this.queue, boom, null, ALICE));
		assertThat(this.observations).hasObservationWithNameEqualTo("rpc.adapter.queue.job")
			.that()
			.hasLowCardinalityKeyValue("outcome", "failed");
	}

	@Test
	void theSubmittersTraceContextIsStoredAndCarriedToTheExecution() {
		Command echo = register(TestCommands.queued("echo", (job, params) -> "hi"));
		JobRecord done = awaitEnd(TestCommands.submit(this.queue, echo, null, ALICE));
		assertThat(done.traceParent()).isEqualTo(TRACEPARENT);
		assertThat(this.observations).hasObservationWithNameEqualTo("rpc.adapter.queue.job").that().satisfies((c) -> {
			JobObservationContext job = (JobObservationContext) c;
			assertThat(job.getGetter().get(job.getCarrier(), "traceparent")).isEqualTo(TRACEPARENT);
		});
	}

	@Test
	void aSubmissionIsAChildOfTheCallThatWasCurrentWhenSubmitWasCalled() {
		Command echo = register(TestCommands.queued("echo", (job, params) -> "hi"));
		Observation call = Observation.start("call", this.observations);
		AtomicReference<String> jobId = new AtomicReference<>();
		try (Observation.Scope scope = call.openScope()) {
			var submission = this.queue.submit(echo, null, dev.rpcadapter.dispatch.CallContext.of(ALICE, "test"));
			scope.close();
			// subscribed outside the call's scope, as a transport may
			jobId.set(((tools.jackson.databind.JsonNode) submission.block()).get("job_id").asString());
		}
		call.stop();
		awaitEnd(jobId.get());
		assertThat(this.observations).hasObservationWithNameEqualTo("rpc.adapter.queue.submit")
			.that()
			.hasParentObservationEqualTo(call);
	}

	@Test
	void aCallAdoptedAfterItsSyncCapIsObservedAsAJobInTheCallsTrace() {
		SlowCommands slow = new SlowCommands();
		tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
		dev.rpcadapter.method.AnnotatedCommandFactory
			.create(mapper, dev.rpcadapter.schema.SchemaGenerator.create(mapper), null,
					reactor.core.scheduler.Schedulers.boundedElastic())
			.commandsOf(slow, SlowCommands.class, "slowCommands")
			.forEach(this.registry::register);
		dev.rpcadapter.dispatch.JsonRpcDispatcher dispatcher = dev.rpcadapter.dispatch.JsonRpcDispatcher
			.builder(this.registry, mapper)
			.jobSubmitter(this.queue)
			.observationRegistry(this.observations)
			.build();
		String jobId = HandOffTests.call(dispatcher, "slow").get("result").get("job_id").asString();
		slow.release.countDown();
		JobRecord done = awaitEnd(jobId);
		assertThat(done.traceParent()).isEqualTo(TRACEPARENT);
		assertThat(this.observations).hasObservationWithNameEqualTo("rpc.adapter.queue.submit")
			.that()
			.hasParentObservationContextMatching(
					(parent) -> parent instanceof dev.rpcadapter.dispatch.CallObservationContext);
		assertThat(this.observations).hasObservationWithNameEqualTo("rpc.adapter.queue.job")
			.that()
			.hasLowCardinalityKeyValue("command", "slow")
			.hasLowCardinalityKeyValue("outcome", "completed");
	}

}
