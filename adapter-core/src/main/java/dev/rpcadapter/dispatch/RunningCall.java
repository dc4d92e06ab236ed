package dev.rpcadapter.dispatch;

import java.time.Instant;

import dev.rpcadapter.command.JobContext;
import reactor.core.publisher.Mono;

/**
 * A non-queued call that is still running when its sync cap passes: the queue adopts it
 * as a job without running the command again (see {@link JobSubmitter#handOff}).
 */
public interface RunningCall {

	/** When the call started (the job's {@code created_at} and {@code started_at}). */
	Instant startedAt();

	/**
	 * The call's outcome: its value, empty for {@code null}, or its error; replayed to
	 * every subscriber.
	 */
	Mono<Object> outcome();

	/**
	 * From now on the command's {@link JobContext} reports progress to, and reads the
	 * stop flag from, {@code job}.
	 */
	void attach(JobContext job);

	/**
	 * Interrupts the work: the thread that runs a blocking command, or the subscription
	 * of a reactive one (its outcome then fails with an {@link InterruptedException}).
	 */
	void interrupt();

	/**
	 * Called by the thread that runs a blocking command as it enters:
	 * {@link #interrupt()} interrupts that thread from now on. Command invokers call it;
	 * nothing else should.
	 */
	void bindThread(Thread current);

	/**
	 * Called by that thread as it leaves; a late interrupt is not left on a pooled
	 * thread.
	 */
	void unbindThread();

}
