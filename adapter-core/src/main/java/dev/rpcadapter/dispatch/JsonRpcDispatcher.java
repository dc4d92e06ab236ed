package dev.rpcadapter.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.jsonrpc.JsonRpcRequest;
import dev.rpcadapter.jsonrpc.JsonRpcResponse;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Dispatches JSON-RPC 2.0 messages to commands: one request, a notification, or a batch
 * whose elements run concurrently. Transport-neutral: HTTP, {@code /cmd} and WebSocket
 * share it.
 */
public interface JsonRpcDispatcher {

	/**
	 * Handles a raw message body.
	 * @return the response body, or an empty {@code Mono} when nothing is to be sent
	 * (only notifications)
	 */
	Mono<byte[]> handle(byte[] body, CallContext context);

	/**
	 * Handles a message already read with {@link #read(byte[])} (a transport that looks
	 * at the message first, like the WebSocket's control messages, reads it only once).
	 * @return the response body, or an empty {@code Mono} when nothing is to be sent
	 */
	Mono<byte[]> handle(JsonNode message, CallContext context);

	/**
	 * Reads one JSON value under the dispatcher's limits (nesting depth, string length,
	 * trailing content), as {@link #handle(byte[], CallContext)} does.
	 * @throws dev.rpcadapter.jsonrpc.JsonRpcException {@code -32700} for invalid JSON,
	 * {@code -32600} over a limit
	 */
	JsonNode read(byte[] body);

	/**
	 * Calls one request.
	 * @return the response; empty for a notification
	 */
	Mono<JsonRpcResponse> call(JsonRpcRequest request, CallContext context);

	/** Writes a response (or a list of them) as JSON bytes. */
	byte[] write(JsonRpcResponse response);

	/** Writes an error response without a request (transport-level failures). */
	byte[] writeError(dev.rpcadapter.jsonrpc.JsonRpcError error);

	/** The mapper used for results. */
	ObjectMapper mapper();

	static Builder builder(CommandRegistry registry, ObjectMapper mapper) {
		return new Builder(registry, mapper);
	}

	/** Configures a {@link JsonRpcDispatcher}. */
	final class Builder {

		final CommandRegistry registry;

		final ObjectMapper mapper;

		DispatchLimits limits = DispatchLimits.DEFAULTS;

		ResultFormat resultFormat = ResultFormat.PLAIN;

		CommandAuthorizer authorizer = CommandAuthorizer.ALLOW_ALL;

		@Nullable JobSubmitter jobSubmitter;

		@Nullable Duration syncCap;

		final List<ExceptionMapper> exceptionMappers = new ArrayList<>();

		ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		@Nullable CallObservationConvention observationConvention;

		final Map<String, SystemMethod> systemMethods = new LinkedHashMap<>();

		Builder(CommandRegistry registry, ObjectMapper mapper) {
			this.registry = registry;
			this.mapper = mapper;
		}

		public Builder limits(DispatchLimits limits) {
			this.limits = limits;
			return this;
		}

		public Builder resultFormat(ResultFormat format) {
			this.resultFormat = format;
			return this;
		}

		public Builder authorizer(CommandAuthorizer authorizer) {
			this.authorizer = authorizer;
			return this;
		}

		public Builder jobSubmitter(@Nullable JobSubmitter submitter) {
			this.jobSubmitter = submitter;
			return this;
		}

		/**
		 * How long a non-queued call may run before the job submitter adopts it as a
		 * running job (commands may override it); {@code null} for never.
		 */
		public Builder syncCap(@Nullable Duration syncCap) {
			this.syncCap = syncCap;
			return this;
		}

		public @Nullable Duration syncCap() {
			return this.syncCap;
		}

		public Builder exceptionMapper(ExceptionMapper mapper) {
			this.exceptionMappers.add(mapper);
			return this;
		}

		/**
		 * Where each call is observed ({@link CallObservationDocumentation#CALL}); with
		 * the default, {@link ObservationRegistry#NOOP}, calls cost nothing extra.
		 */
		public Builder observationRegistry(ObservationRegistry registry) {
			this.observationRegistry = registry;
			return this;
		}

		/**
		 * Replaces {@link DefaultCallObservationConvention}; {@code null} for the
		 * default.
		 */
		public Builder observationConvention(@Nullable CallObservationConvention convention) {
			this.observationConvention = convention;
			return this;
		}

		/** Adds a method in the reserved {@code rpc.} namespace. */
		public Builder systemMethod(String name, SystemMethod method) {
			if (!name.startsWith("rpc.")) {
				throw new IllegalArgumentException("System methods live in the 'rpc.' namespace: " + name);
			}
			this.systemMethods.put(name, method);
			return this;
		}

		public CommandRegistry registry() {
			return this.registry;
		}

		public ObjectMapper mapper() {
			return this.mapper;
		}

		public DispatchLimits limits() {
			return this.limits;
		}

		public ResultFormat resultFormat() {
			return this.resultFormat;
		}

		public CommandAuthorizer authorizer() {
			return this.authorizer;
		}

		public @Nullable JobSubmitter jobSubmitter() {
			return this.jobSubmitter;
		}

		public List<ExceptionMapper> exceptionMappers() {
			return List.copyOf(this.exceptionMappers);
		}

		public ObservationRegistry observationRegistry() {
			return this.observationRegistry;
		}

		public @Nullable CallObservationConvention observationConvention() {
			return this.observationConvention;
		}

		public Map<String, SystemMethod> systemMethods() {
			return Map.copyOf(this.systemMethods);
		}

		public JsonRpcDispatcher build() {
			return new dev.rpcadapter.dispatch.DefaultDispatcher(this);
		}

	}

}
