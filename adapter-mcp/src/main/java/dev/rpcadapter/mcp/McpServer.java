package dev.rpcadapter.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.command.ToolHints;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import dev.rpcadapter.queue.JobQueue;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The MCP Streamable HTTP endpoint: POST for client messages, GET for the server's
 * stream, DELETE to end a session. Tools are the registry's commands, called through the
 * dispatcher (so validation, authorization, limits and metrics are the same as on
 * {@code /api/jsonrpc}).
 */
public interface McpServer extends AutoCloseable {

	/** The protocol revisions this server speaks, newest first. */
	List<String> PROTOCOL_VERSIONS = List.of("2025-11-25", "2025-06-18");

	/** Handles a POST: one JSON-RPC request, notification or response. */
	Mono<McpHttpResponse> post(McpHttpRequest request, byte[] body);

	/**
	 * Handles a GET: opens (or resumes, with {@code Last-Event-ID}) the session's server
	 * stream.
	 */
	McpHttpResponse get(McpHttpRequest request);

	/** Handles a DELETE: ends the session. */
	McpHttpResponse delete(McpHttpRequest request);

	/** Ends every session and stops the periodic work. */
	@Override
	void close();

	static Builder builder(JsonRpcDispatcher dispatcher, CommandRegistry registry) {
		return new Builder(dispatcher, registry);
	}

	/** Configures an {@link McpServer}. */
	final class Builder {

		private final JsonRpcDispatcher dispatcher;

		private final CommandRegistry registry;

		private CommandAuthorizer authorizer = CommandAuthorizer.ALLOW_ALL;

		private @Nullable JobQueue jobQueue;

		private McpSettings settings = McpSettings.defaults();

		private final Map<String, ToolHints> hints = new LinkedHashMap<>();

		private Function<String, @Nullable ToolHints> hintsSource = (name) -> null;

		private final List<McpResource> resources = new ArrayList<>();

		private final List<McpResourceTemplate> templates = new ArrayList<>();

		private final List<McpPrompt> prompts = new ArrayList<>();

		private Predicate<String> contentTools = (name) -> false;

		private final List<McpToolSource> toolSources = new ArrayList<>();

		private Builder(JsonRpcDispatcher dispatcher, CommandRegistry registry) {
			this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
			this.registry = Objects.requireNonNull(registry, "registry");
		}

		/**
		 * Filters {@code tools/list} per caller, as {@code help} and {@code rpc.discover}
		 * do.
		 */
		public Builder authorizer(CommandAuthorizer authorizer) {
			this.authorizer = authorizer;
			return this;
		}

		/**
		 * The queue whose jobs are the tasks and {@code job://} resources; {@code null}
		 * for none.
		 */
		public Builder jobQueue(@Nullable JobQueue queue) {
			this.jobQueue = queue;
			return this;
		}

		public Builder settings(McpSettings settings) {
			this.settings = settings;
			return this;
		}

		/**
		 * The hints of a command's tool (annotation values; programmatic commands may add
		 * them here).
		 */
		public Builder toolHints(String command, ToolHints hints) {
			this.hints.put(command, hints);
			return this;
		}

		/**
		 * Where hints of commands not given to {@link #toolHints(String, ToolHints)} come
		 * from (read at each {@code tools/list}, so commands registered later are
		 * covered).
		 */
		public Builder toolHints(Function<String, @Nullable ToolHints> source) {
			this.hintsSource = source;
			return this;
		}

		public Builder resource(McpResource resource) {
			this.resources.add(resource);
			return this;
		}

		public Builder resourceTemplate(McpResourceTemplate template) {
			this.templates.add(template);
			return this;
		}

		public Builder prompt(McpPrompt prompt) {
			this.prompts.add(prompt);
			return this;
		}

		/**
		 * Which commands return MCP content ({@link dev.rpcadapter.command.ToolContent}
		 * or a list of it): their result is sent as the tool result's {@code content} as
		 * it is.
		 */
		public Builder contentTools(Predicate<String> contentTools) {
			this.contentTools = contentTools;
			return this;
		}

		/**
		 * Tools besides the registry's commands (e.g. a gateway's remote tools), served
		 * on the same endpoint and sessions; see {@link McpToolSource}.
		 */
		public Builder toolSource(McpToolSource source) {
			this.toolSources.add(Objects.requireNonNull(source, "source"));
			return this;
		}

		public McpServer build() {
			Map<String, ToolHints> given = Map.copyOf(this.hints);
			Function<String, @Nullable ToolHints> source = this.hintsSource;
			Function<String, @Nullable ToolHints> hints = (name) -> given.containsKey(name) ? given.get(name)
					: source.apply(name);
			return new dev.rpcadapter.mcp.DefaultMcpServer(this.dispatcher, this.registry, this.authorizer,
					this.jobQueue, this.settings, hints,
					new dev.rpcadapter.mcp.Offerings(List.copyOf(this.resources), List.copyOf(this.templates),
							List.copyOf(this.prompts), this.contentTools, List.copyOf(this.toolSources)));
		}

	}

}
