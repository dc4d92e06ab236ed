package dev.rpcadapter.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandRegistry;
import org.jspecify.annotations.Nullable;
import org.quartz.Scheduler;
import tools.jackson.databind.ObjectMapper;

/**
 * The settings of a {@link DefaultJobQueue}, as collected by {@code JobQueue.Builder}.
 */
record QueueSettings(Scheduler scheduler, CommandRegistry registry, JobStore store, ObjectMapper mapper, Clock clock,
		@Nullable String nodeId, int maxPending, Duration defaultTimeout, Duration stopGracePeriod, Duration retention,
		int maxFinishedJobs, Duration cleanupInterval, Duration pollInterval, Duration recoveryCheckInterval,
		SchedulerTransactions transactions, QueueLimits limits, Predicate<Caller> admins,
		JobObservations observations) {
}
