package dev.rpcadapter.method;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.McpExchange;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import tools.jackson.databind.JsonNode;

/**
 * Where a command's {@link McpExchange} comes from: a direct call finds it in the Reactor
 * context of its subscription (key {@link #CONTEXT_KEY}, written by the MCP transport); a
 * queued job finds the one bound to its job id (the transport binds it when the job is
 * submitted and unbinds it when it stops listening). Not API: used by adapter-mcp.
 */
public final class Exchanges {

	/** The Reactor context key of a call's exchange. */
	public static final Class<McpExchange> CONTEXT_KEY = McpExchange.class;

	private static final Map<String, McpExchange> BY_JOB = new ConcurrentHashMap<>();

	private Exchanges() {
	}

	/**
	 * Binds the exchange to a job: the job's command talks to that client from now on.
	 */
	public static void bindJob(String jobId, McpExchange exchange) {
		BY_JOB.put(jobId, exchange);
	}

	/** Unbinds the exchange from the job, if it is still the bound one. */
	public static void unbindJob(String jobId, McpExchange exchange) {
		BY_JOB.remove(jobId, exchange);
	}

	/**
	 * The exchange of a call: from the context, else the job's (looked up at each use),
	 * else none.
	 */
	static McpExchange of(ContextView context, JobContext job) {
		McpExchange direct = context.getOrDefault(CONTEXT_KEY, null);
		if (direct != null) {
			return direct;
		}
		String jobId = job.jobId();
		return jobId.isEmpty() ? McpExchange.NONE : new JobExchange(jobId);
	}

	private static McpExchange current(String jobId) {
		return BY_JOB.getOrDefault(jobId, McpExchange.NONE);
	}

	/**
	 * A job's exchange: the bound one at each use (bound after submission, unbound when
	 * its caller left).
	 */
	private record JobExchange(String jobId) implements McpExchange {

		@Override
		public boolean isConnected() {
			return current(this.jobId).isConnected();
		}

		@Override
		public boolean clientSupports(String capability) {
			return current(this.jobId).clientSupports(capability);
		}

		@Override
		public void log(String level, @Nullable String logger, Object data) {
			current(this.jobId).log(level, logger, data);
		}

		@Override
		public Mono<JsonNode> request(String method, Object params) {
			return Mono.defer(() -> current(this.jobId).request(method, params));
		}
	}

}
