package dev.rpcadapter.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

class CallerRunsSchedulerTests {

	private final CallerRunsScheduler scheduler = new CallerRunsScheduler(Schedulers.boundedElastic(), () -> true);

	private Mono<String> thread() {
		// deferred, as the dispatcher's command calls are: subscribeOn then goes through
		// a worker
		return Mono.defer(() -> Mono.just(Thread.currentThread().getName())).subscribeOn(this.scheduler);
	}

	@Test
	void insideTheScopeTheFirstTaskRunsOnTheCallingThread() {
		String caller = Thread.currentThread().getName();
		List<String> threads = new ArrayList<>();

		CallerRunsScheduler.callerRuns(() -> {
			threads.add(thread().toFuture().join());
			threads.add(thread().toFuture().join());
			return null;
		});

		assertThat(threads.get(0)).isEqualTo(caller);
		assertThat(threads.get(1)).as("the allowance is used up").startsWith("boundedElastic-");
	}

	@Test
	void outsideTheScopeOrWhenDisabledTasksRunOnThePool() {
		CallerRunsScheduler off = new CallerRunsScheduler(Schedulers.boundedElastic(), () -> false);

		assertThat(thread().block()).startsWith("boundedElastic-");
		assertThat(CallerRunsScheduler
			.callerRuns(() -> Mono.defer(() -> Mono.just(Thread.currentThread().getName())).subscribeOn(off).block()))
			.startsWith("boundedElastic-");
	}

	@Test
	void aTimeoutInterruptsTheInlineTaskAndTheInterruptDoesNotLinger() {
		AtomicBoolean interrupted = new AtomicBoolean();
		Mono<String> sleeper = Mono.defer(() -> {
			try {
				Thread.sleep(10_000); // stands for blocking work
				return Mono.just("woke");
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
				return Mono.error(ex);
			}
		}).subscribeOn(this.scheduler).timeout(Duration.ofMillis(100));

		long start = System.nanoTime();
		Throwable failure = CallerRunsScheduler.callerRuns(() -> sleeper.toFuture().handle((v, ex) -> ex).join());

		assertThat(failure).isInstanceOf(java.util.concurrent.TimeoutException.class);
		assertThat(interrupted).isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
	}

}
