package dev.rpcadapter.mcp;

import java.time.Duration;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.queue.JobPage;
import dev.rpcadapter.queue.JobQuery;
import dev.rpcadapter.queue.JobQueue;
import dev.rpcadapter.queue.JobRecord;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * MCP tasks backed by the job queue: the task id is the job id, so a task is as durable
 * as the queue's store and visible from every node sharing it; tasks are owned like jobs.
 */
final class JobTasks {

	static final String RELATED_TASK = "io.modelcontextprotocol/related-task";

	private final JobQueue queue;

	private final TaskJson json;

	private final int pageSize;

	JobTasks(JobQueue queue, Duration ttl, int pageSize) {
		this.queue = queue;
		this.json = new TaskJson(ttl);
		this.pageSize = pageSize;
	}

	JobQueue queue() {
		return this.queue;
	}

	/**
	 * The answer to a task-augmented {@code tools/call}: {@code CreateTaskResult}. The
	 * session that created the task is told {@code notifications/tasks/status} at each
	 * change of its status.
	 */
	Mono<JsonNode> created(String jobId, McpCall call) {
		Session session = call.session();
		if (session != null) {
			watch(jobId, call.caller(), session);
		}
		return record(jobId, call.caller()).map((record) -> {
			ObjectNode result = Rpc.object();
			result.set("task", this.json.task(record));
			return result;
		});
	}

	/**
	 * A plain call of a queued command: waits for the job (progress as notifications) up
	 * to {@code wait}, then answers with the job's id so the caller can poll
	 * {@code queue_*} tools.
	 */
	Mono<JsonNode> await(String jobId, McpCall call, Duration wait, JsonNode envelope) {
		JsonNode token = call.progressToken();
		Mono<JsonNode> finished = this.queue.events(jobId, call.caller())
			.doOnNext((event) -> progress(call, token, event))
			.filter(TaskJson::isTerminal)
			.next()
			.map(TaskJson::toolResult);
		// a cancelled request ends the wait at once and stops its job (the stop completes
		// in the background)
		Mono<Void> cancelled = call.cancelled().doOnTerminate(() -> this.queue.stop(jobId, call.caller()).subscribe());
		return finished.timeout(wait, Mono.fromSupplier(() -> stillRunning(envelope))).takeUntilOther(cancelled);
	}

	/**
	 * Sends {@code notifications/tasks/status} (the task) on the session's GET stream
	 * when the task's status changes.
	 */
	private void watch(String jobId, Caller caller, Session session) {
		String key = "tasks/status:" + jobId;
		String[] last = { "working" };
		Disposable watching = this.queue.events(jobId, caller)
			.filter((event) -> !TaskJson.status(event).equals(last[0]))
			.doOnNext((event) -> last[0] = TaskJson.status(event))
			.concatMap((event) -> record(jobId, caller))
			.subscribe(
					(record) -> session.notify(Rpc.notification("notifications/tasks/status", this.json.task(record))),
					(error) -> session.unsubscribe(key), () -> session.unsubscribe(key));
		session.subscribe(key, watching);
	}

	/** Runs {@code action} once the job has ended (or cannot be watched). */
	void untilFinished(String jobId, Caller caller, Runnable action) {
		this.queue.events(jobId, caller)
			.filter(TaskJson::isTerminal)
			.next()
			.doFinally((signal) -> action.run())
			.subscribe((event) -> {
			}, (error) -> {
			});
	}

	private static void progress(McpCall call, @Nullable JsonNode token, JsonNode event) {
		if (token == null || !"job_progress".equals(event.path("event").asString())) {
			return;
		}
		ObjectNode params = Rpc.object();
		params.set("progressToken", token);
		params.put("progress", event.path("progress").asInt()).put("total", 100);
		String description = event.path("description").asString("");
		if (!description.isEmpty()) {
			params.put("message", description);
		}
		call.notifier().accept(Rpc.notification("notifications/progress", params));
	}

	private static JsonNode stillRunning(JsonNode envelope) {
		String text = "The job " + envelope.path("job_id").asString() + " is still running. Poll it with the tool "
				+ "queue_get_job_status {\"job_id\": \"" + envelope.path("job_id").asString() + "\"}.";
		ObjectNode result = ToolResults.text(text, false);
		result.set("structuredContent", envelope);
		return result;
	}

	Mono<JsonNode> get(McpCall call) {
		return record(Rpc.requireText(call.params(), "taskId"), call.caller()).map((r) -> (JsonNode) this.json.task(r));
	}

	/**
	 * {@code tasks/result}: waits for the end, then the tool's result, tagged with the
	 * task.
	 */
	Mono<JsonNode> result(McpCall call) {
		String taskId = Rpc.requireText(call.params(), "taskId");
		return record(taskId, call.caller())
			.flatMap((r) -> this.queue.events(taskId, call.caller()).filter(TaskJson::isTerminal).next())
			.map((event) -> {
				ObjectNode result = TaskJson.toolResult(event);
				result.putObject("_meta").putObject(RELATED_TASK).put("taskId", taskId);
				return (JsonNode) result;
			})
			.takeUntilOther(call.cancelled());
	}

	Mono<JsonNode> list(McpCall call) {
		return Mono.fromCallable(() -> {
			int offset = Cursors.offset(Rpc.text(call.params(), "cursor"), Integer.MAX_VALUE);
			JobPage page = this.queue.list(
					new JobQuery(null, (dev.rpcadapter.queue.JobStatus) null, (String) null, this.pageSize, offset),
					call.caller());
			ObjectNode result = Rpc.object();
			ArrayNode tasks = result.putArray("tasks");
			page.jobs().forEach((r) -> tasks.add(this.json.task(r)));
			if (offset + page.jobs().size() < page.totalCount()) {
				result.put("nextCursor", Cursors.of(offset + page.jobs().size()));
			}
			return (JsonNode) result;
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/** {@code tasks/cancel}: stops the job; a finished task cannot be cancelled. */
	Mono<JsonNode> cancel(McpCall call) {
		String taskId = Rpc.requireText(call.params(), "taskId");
		return record(taskId, call.caller()).flatMap((record) -> {
			if (record.status().isTerminal()) {
				return Mono.error(McpException
					.invalidParams("Task " + taskId + " has already finished (" + record.status().wire() + ")"));
			}
			return this.queue.stop(taskId, call.caller()).map((r) -> (JsonNode) this.json.task(r));
		});
	}

	/**
	 * The job, if the caller may see it; else invalid params "not found" (another's task
	 * looks absent).
	 */
	Mono<JobRecord> record(String jobId, Caller caller) {
		return Mono.fromCallable(() -> this.queue.get(jobId, caller))
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorMap(JsonRpcException.class, (ex) -> notFound(ex.error(), jobId));
	}

	private static RuntimeException notFound(JsonRpcError error, String jobId) {
		return (error.code() == ErrorCodes.JOB_NOT_FOUND) ? McpException.invalidParams("Task not found: " + jobId)
				: new JsonRpcException(error);
	}

}
