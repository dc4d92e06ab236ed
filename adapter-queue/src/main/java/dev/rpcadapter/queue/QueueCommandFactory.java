package dev.rpcadapter.queue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandHandler;
import dev.rpcadapter.command.PreparedCall;
import dev.rpcadapter.support.StrictParams;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the {@code queue_*} commands over a {@link JobQueue}. */
final class QueueCommandFactory {

	// the names the params are read by come from the schemas the documents publish: one
	// source
	private static final List<String> JOB_ID = names(QueueSchemas.jobId());

	private static final List<String> LIST_PARAMS = names(QueueSchemas.list());

	private final JobQueue queue;

	public QueueCommandFactory(JobQueue queue) {
		this.queue = queue;
	}

	public List<Command> commands() {
		CommandHandler status = this::status;
		return List.of(
				command("queue_get_job_status", "Returns the state of a job: status, progress, result or error",
						QueueSchemas.jobId(), QueueSchemas.job(), status),
				command("job_status", "Alias of queue_get_job_status", QueueSchemas.jobId(), QueueSchemas.job(),
						status),
				command("queue_list_jobs", "Lists jobs, newest first, optionally filtered by status and command",
						QueueSchemas.list(), QueueSchemas.page(), this::list),
				command("queue_stop_job",
						"Stops a job: a pending job at once; a running job is asked to stop and interrupted after a "
								+ "grace period. Returns the job's true state afterwards",
						QueueSchemas.jobId(), QueueSchemas.job(), this::stop),
				command("queue_delete_job", "Deletes a job that is not running (a pending job is stopped first)",
						QueueSchemas.jobId(), QueueSchemas.job(), this::delete),
				command("queue_get_job_logs",
						"Returns a job's log lines (JobContext.log and SLF4J logging on the job's thread), oldest first",
						QueueSchemas.logsParams(), QueueSchemas.logs(), this::logs),
				command("queue_health", "The queue's state: scheduler, store and job counts", QueueSchemas.empty(),
						QueueSchemas.health(), this::health));
	}

	private static Command command(String name, String description, ObjectNode params, ObjectNode result,
			CommandHandler handler) {
		CommandDescriptor descriptor = CommandDescriptor.builder(name)
			.description(description)
			.paramsSchema(params)
			.resultSchema(result)
			.acceptsExtraParams(false)
			.source("adapter-queue")
			.build();
		return new Command(descriptor, handler);
	}

	private PreparedCall status(@Nullable JsonNode params) {
		String jobId = jobId(params);
		return (caller, job) -> blocking(() -> this.queue.toJson(this.queue.get(jobId, caller)));
	}

	private PreparedCall stop(@Nullable JsonNode params) {
		String jobId = jobId(params);
		return (caller, job) -> this.queue.stop(jobId, caller).map((record) -> {
			ObjectNode node = this.queue.toJson(record);
			node.put("stop_requested", true);
			return (Object) node;
		});
	}

	private PreparedCall delete(@Nullable JsonNode params) {
		String jobId = jobId(params);
		return (caller, job) -> blocking(() -> {
			ObjectNode node = this.queue.toJson(this.queue.delete(jobId, caller));
			node.put("deleted", true);
			return node;
		});
	}

	private PreparedCall list(@Nullable JsonNode params) {
		StrictParams reader = new StrictParams(params, LIST_PARAMS);
		Set<JobStatus> statuses = new LinkedHashSet<>();
		for (String name : reader.stringList("status_filter")) {
			try {
				statuses.add(JobStatus.fromWire(name));
			}
			catch (IllegalArgumentException ex) {
				reader.reject("status_filter", "must be one of pending, running, completed, failed, stopped, deleted "
						+ "(or a list of them)");
			}
		}
		Set<String> commands = new LinkedHashSet<>(reader.stringList("command"));
		commands.addAll(reader.stringList("job_type"));
		int limit = reader.integer("limit", 100, 1, 1000);
		int offset = reader.integer("offset", 0, 0, Integer.MAX_VALUE);
		reader.validate();
		JobQuery query = new JobQuery(null, statuses, commands, limit, offset);
		return (caller, job) -> blocking(() -> page(this.queue.list(query, caller), query));
	}

	private ObjectNode page(JobPage page, JobQuery query) {
		ObjectNode node = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
		var jobs = node.putArray("jobs");
		for (JobRecord record : page.jobs()) {
			jobs.add(this.queue.toJson(record));
		}
		node.put("total_count", page.totalCount()).put("limit", query.limit()).put("offset", query.offset());
		if (query.statuses().size() == 1) {
			node.put("status_filter", query.statuses().iterator().next().wire());
		}
		else if (!query.statuses().isEmpty()) {
			var filter = node.putArray("status_filter");
			query.statuses().forEach((status) -> filter.add(status.wire()));
		}
		return node;
	}

	private PreparedCall logs(@Nullable JsonNode params) {
		StrictParams reader = new StrictParams(params, names(QueueSchemas.logsParams()));
		String jobId = reader.requiredString("job_id");
		int offset = reader.integer("offset", 0, 0, Integer.MAX_VALUE);
		int limit = reader.integer("limit", 1000, 1, 10_000);
		reader.validate();
		return (caller, job) -> blocking(
				() -> JobJson.logs(jobId, this.queue.logs(jobId, caller, offset, limit), offset, limit));
	}

	private PreparedCall health(@Nullable JsonNode params) {
		new StrictParams(params, names(QueueSchemas.empty())).validate();
		return (caller, job) -> blocking(() -> {
			var health = this.queue.check();
			ObjectNode node = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
			node.put("status", health.status().wire());
			health.details().forEach(node::putPOJO);
			seedFields(node, health);
			return node;
		});
	}

	/**
	 * The seed's field names beside ours: {@code queue_status} healthy|unhealthy (our
	 * {@code status} keeps ok|degraded|down, as in {@code /health}), {@code total_jobs},
	 * {@code <state>_jobs}, {@code max_concurrent_jobs}.
	 */
	private void seedFields(ObjectNode node, dev.rpcadapter.health.ComponentHealth health) {
		boolean healthy = health.status() != dev.rpcadapter.health.ComponentHealth.Status.DOWN;
		node.put("queue_status", healthy ? "healthy" : "unhealthy");
		long total = 0;
		for (JobStatus status : JobStatus.values()) {
			long count = node.path(status.wire()).asLong(0);
			node.put(status.wire() + "_jobs", count);
			total += count;
		}
		node.put("total_jobs", total);
		int maxConcurrent = this.queue.limits().maxConcurrent();
		node.put("max_concurrent_jobs", (maxConcurrent > 0) ? maxConcurrent : node.path("workers").asInt(0));
	}

	private static String jobId(@Nullable JsonNode params) {
		StrictParams reader = new StrictParams(params, JOB_ID);
		String jobId = reader.requiredString("job_id");
		reader.validate();
		return jobId;
	}

	private static List<String> names(ObjectNode paramsSchema) {
		return CommandDescriptor.ParamInfo.fromSchema(paramsSchema)
			.stream()
			.map(CommandDescriptor.ParamInfo::name)
			.toList();
	}

	private static Mono<Object> blocking(Callable<Object> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

}
