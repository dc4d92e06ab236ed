package dev.rpcadapter.queue;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rpcadapter.health.ComponentHealth;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue's health: down when the scheduler does not run or the store fails, degraded
 * when full.
 */
final class QueueHealth {

	private static final Logger logger = LoggerFactory.getLogger(QueueHealth.class);

	private QueueHealth() {
	}

	static ComponentHealth check(QueueSettings settings, String nodeId) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("store", settings.store().kind());
		details.put("node", nodeId);
		String scheduler = schedulerState(settings.scheduler(), details);
		details.put("scheduler", scheduler);
		try {
			Map<JobStatus, Long> counts = settings.store().countByStatus();
			counts.forEach((status, count) -> details.put(status.wire(), count));
			details.put("max_pending", settings.maxPending());
			if (!"started".equals(scheduler)) {
				return ComponentHealth.down(details);
			}
			boolean full = counts.getOrDefault(JobStatus.PENDING, 0L) >= settings.maxPending();
			return full ? ComponentHealth.degraded(details) : ComponentHealth.ok(details);
		}
		catch (RuntimeException ex) {
			logger.warn("Job store health check failed", ex);
			details.put("error", "job store unavailable");
			return ComponentHealth.down(details);
		}
	}

	private static String schedulerState(Scheduler scheduler, Map<String, Object> details) {
		try {
			details.put("workers", scheduler.getMetaData().getThreadPoolSize());
			if (scheduler.isShutdown()) {
				return "shutdown";
			}
			return (scheduler.isStarted() && !scheduler.isInStandbyMode()) ? "started" : "standby";
		}
		catch (SchedulerException ex) {
			return "unavailable";
		}
	}

}
