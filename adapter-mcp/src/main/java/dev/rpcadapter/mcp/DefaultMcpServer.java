package dev.rpcadapter.mcp;

import java.util.Map;
import java.util.function.Function;

import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.command.ToolHints;
import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.queue.JobQueue;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The default {@link McpServer}: the HTTP and lifecycle rules; requests go to
 * {@link Requests}.
 */
final class DefaultMcpServer implements McpServer {

	private final JsonRpcDispatcher dispatcher;

	private final McpSettings settings;

	private final @Nullable Sessions sessions;

	private final HttpAnswers http;

	private final Lifecycle lifecycle;

	private final Requests requests;

	private final ChangeWatcher watcher;

	private final ToolSources sources;

	public DefaultMcpServer(JsonRpcDispatcher dispatcher, CommandRegistry registry, CommandAuthorizer authorizer,
			@Nullable JobQueue queue, McpSettings settings, Function<String, @Nullable ToolHints> hints,
			Offerings offerings) {
		this.dispatcher = dispatcher;
		this.settings = settings;
		this.sessions = settings.stateless() ? null
				: new Sessions(settings.maxSessions(), settings.sessionIdleTimeout(), settings.replayEvents());
		this.http = new HttpAnswers(settings.allowedOrigins());
		JobTasks tasks = (queue != null) ? new JobTasks(queue, settings.taskTtl(), settings.pageSize()) : null;
		JobResources resources = (queue != null) ? new JobResources(queue, settings.pageSize()) : null;
		ToolCatalog catalog = new ToolCatalog(registry, authorizer, hints, tasks != null, offerings.contentTools());
		this.sources = new ToolSources(offerings.toolSources(), catalog, settings, this.sessions);
		Methods methods = new Methods(catalog,
				new ToolCalls(dispatcher, catalog, tasks, settings.queuedCallWait(), offerings.contentTools(),
						settings.clientRequestTimeout()),
				tasks, resources, settings, new StaticResources(offerings.resources(), offerings.templates()),
				new Prompts(offerings.prompts(), dispatcher.mapper()), this.sources);
		this.lifecycle = new Lifecycle(settings, this.sessions, queue != null, registry::version);
		this.requests = new Requests(methods);
		this.watcher = new ChangeWatcher(registry, this.sessions);
	}

	@Override
	public Mono<McpHttpResponse> post(McpHttpRequest request, byte[] body) {
		McpHttpResponse rejected = this.http.checkOrigin(request);
		if (rejected != null) {
			return Mono.just(rejected);
		}
		JsonNode message;
		try {
			message = this.dispatcher.read(body);
		}
		catch (JsonRpcException ex) {
			return Mono.just(HttpAnswers.error(400, ex.error().code(), ex.error().message()));
		}
		if (message.isArray()) {
			return Mono.just(HttpAnswers.error(400, McpException.INVALID_REQUEST,
					"Invalid Request: JSON-RPC batches are not supported by MCP 2025-06-18 and later"));
		}
		if (!message.isObject() || !"2.0".equals(Rpc.text(message, "jsonrpc"))) {
			return Mono.just(HttpAnswers.error(400, McpException.INVALID_REQUEST, "Invalid Request: not JSON-RPC 2.0"));
		}
		return post(request, (ObjectNode) message);
	}

	private Mono<McpHttpResponse> post(McpHttpRequest request, ObjectNode message) {
		String method = Rpc.text(message, "method");
		JsonNode id = message.get("id");
		if ("initialize".equals(method) && id != null) {
			return Mono.just(this.lifecycle.initialize(request, message));
		}
		Lifecycle.Checked checked = this.lifecycle.check(request);
		if (checked.rejection() != null) {
			return Mono.just(checked.rejection());
		}
		if (method == null || id == null) {
			// a notification, or the client's response to a server request: accepted,
			// nothing to answer
			this.requests.notification(message, checked.session());
			return Mono.just(HttpAnswers.status(202, Map.of()));
		}
		if (!id.isString() && !id.isNumber()) {
			return Mono.just(HttpAnswers.error(400, McpException.INVALID_REQUEST,
					"Invalid Request: id must be a string or a number"));
		}
		// the request's headers carry the caller's trace context (traceparent) to the
		// call's observation
		CallContext context = new CallContext(request.caller(), "mcp", request.remoteAddress(), (jobId) -> {
		}).withHeaders(request::header);
		return this.requests.request(method, message, id, context, checked.session(),
				HttpAnswers.acceptsEventStream(request), request);
	}

	@Override
	public McpHttpResponse get(McpHttpRequest request) {
		McpHttpResponse rejected = this.http.checkOrigin(request);
		if (rejected != null) {
			return rejected;
		}
		if (this.sessions == null) {
			return HttpAnswers.status(405, Map.of("Allow", "POST"));
		}
		if (!HttpAnswers.acceptsEventStream(request)) {
			return HttpAnswers.error(406, McpException.INVALID_REQUEST,
					"Not Acceptable: GET needs Accept: text/event-stream");
		}
		Lifecycle.Checked checked = this.lifecycle.check(request);
		if (checked.rejection() != null) {
			return checked.rejection();
		}
		return HttpAnswers.stream(Resumption.open(checked.accepted(), request.header("Last-Event-ID")));
	}

	@Override
	public McpHttpResponse delete(McpHttpRequest request) {
		McpHttpResponse rejected = this.http.checkOrigin(request);
		if (rejected != null) {
			return rejected;
		}
		if (this.sessions == null) {
			return HttpAnswers.status(405, Map.of("Allow", "POST"));
		}
		Lifecycle.Checked checked = this.lifecycle.check(request);
		if (checked.rejection() != null) {
			return checked.rejection();
		}
		this.sessions.remove(checked.accepted().id());
		return HttpAnswers.status(200, Map.of());
	}

	@Override
	public void close() {
		this.watcher.close();
		this.sources.close();
		if (this.sessions != null) {
			this.sessions.clear();
		}
	}

}
