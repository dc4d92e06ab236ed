package dev.rpcadapter.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.jsonrpc.JsonRpcRequest;
import dev.rpcadapter.jsonrpc.JsonRpcResponse;
import dev.rpcadapter.support.ErrorIds;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Fuseable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The default {@link JsonRpcDispatcher}. */
final class DefaultDispatcher implements JsonRpcDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(DefaultDispatcher.class);

	private final CommandRegistry registry;

	private final ObjectMapper mapper;

	private final MessageCodec codec;

	private final ResultFormat resultFormat;

	private final CommandAuthorizer authorizer;

	private final @Nullable JobSubmitter jobSubmitter;

	private final List<ExceptionMapper> exceptionMappers;

	private final ObservationRegistry observations;

	private final @Nullable CallObservationConvention observationConvention;

	private final Map<String, SystemMethod> systemMethods;

	private final Duration defaultTimeout;

	private final @Nullable Duration syncCap;

	public DefaultDispatcher(JsonRpcDispatcher.Builder builder) {
		this.registry = builder.registry();
		this.mapper = builder.mapper();
		this.codec = new MessageCodec(builder.mapper(), builder.limits());
		this.resultFormat = builder.resultFormat();
		this.authorizer = builder.authorizer();
		this.jobSubmitter = builder.jobSubmitter();
		this.exceptionMappers = builder.exceptionMappers();
		this.observations = builder.observationRegistry();
		this.observationConvention = builder.observationConvention();
		this.systemMethods = builder.systemMethods();
		this.defaultTimeout = builder.limits().defaultTimeout();
		this.syncCap = builder.syncCap();
	}

	@Override
	public ObjectMapper mapper() {
		return this.mapper;
	}

	@Override
	public Mono<byte[]> handle(byte[] body, CallContext context) {
		return dispatch(this.codec.parse(body), context);
	}

	@Override
	public Mono<byte[]> handle(JsonNode message, CallContext context) {
		return dispatch(this.codec.classify(message), context);
	}

	@Override
	public JsonNode read(byte[] body) {
		return this.codec.read(body);
	}

	private Mono<byte[]> dispatch(MessageCodec.Parsed parsed, CallContext context) {
		if (parsed.error() != null) {
			return Mono.just(writeError(parsed.error()));
		}
		if (!parsed.batch()) {
			return element(parsed.elements().get(0), context).map(this.codec::write);
		}
		List<Mono<JsonRpcResponse>> calls = new ArrayList<>(parsed.elements().size());
		boolean allReady = true;
		for (JsonNode node : parsed.elements()) {
			Mono<JsonRpcResponse> call = element(node, context);
			allReady &= call instanceof Fuseable.ScalarCallable;
			calls.add(call);
		}
		if (allReady) {
			List<JsonRpcResponse> responses = new ArrayList<>(calls.size());
			for (Mono<JsonRpcResponse> call : calls) {
				JsonRpcResponse response = ready(call);
				if (response != null) {
					responses.add(response);
				}
			}
			return responses.isEmpty() ? Mono.empty() : Mono.just(this.codec.write(responses));
		}
		return Flux.mergeSequential(calls)
			.collectList()
			.flatMap((responses) -> responses.isEmpty() ? Mono.empty() : Mono.just(this.codec.write(responses)));
	}

	@SuppressWarnings("unchecked")
	private static @Nullable JsonRpcResponse ready(Mono<JsonRpcResponse> call) {
		try {
			return ((Fuseable.ScalarCallable<JsonRpcResponse>) call).call();
		}
		catch (Exception ex) {
			throw new IllegalStateException("A ready response cannot fail", ex);
		}
	}

	private Mono<JsonRpcResponse> element(JsonNode node, CallContext context) {
		MessageCodec.Element element = this.codec.element(node);
		if (element.request() == null) {
			return Mono.just(JsonRpcResponse.failure(element.replyId(),
					Objects.requireNonNull(element.error(), "an element without a request carries its error")));
		}
		return call(element.request(), context);
	}

	@Override
	public Mono<JsonRpcResponse> call(JsonRpcRequest request, CallContext context) {
		if (this.observations.isNoop()) {
			return invoke(request, context, null);
		}
		String method = request.method();
		boolean known = this.systemMethods.containsKey(method) || this.registry.find(method).isPresent();
		return CallObservations.observe(request, known, context, this.observations, this.observationConvention,
				(observation) -> invoke(request, context, observation));
	}

	/**
	 * Runs a call; an observation, if any, is in scope while the command starts and ends
	 * with the response.
	 */
	private Mono<JsonRpcResponse> invoke(JsonRpcRequest request, CallContext context,
			@Nullable CallObservations observation) {
		Mono<Object> result;
		try {
			result = (observation != null) ? observation.inScope(() -> execute(request, context))
					: execute(request, context);
		}
		catch (RuntimeException ex) {
			result = Mono.error(ex);
		}
		if (result instanceof Fuseable.ScalarCallable<?> scalar) {
			// synchronous command: answer without building a reactive pipeline
			JsonRpcResponse response = respond(request, scalar);
			if (observation != null) {
				observation.stop(response);
			}
			return request.isNotification() ? Mono.empty() : Mono.just(response);
		}
		Mono<JsonRpcResponse> response = result.map((value) -> success(request, value))
			.switchIfEmpty(Mono.fromSupplier(() -> success(request, null)))
			.onErrorResume((ex) -> Mono.just(failure(request, ex)));
		if (observation != null) {
			response = observation.around(response);
		}
		return request.isNotification() ? response.then(Mono.empty()) : response;
	}

	private JsonRpcResponse respond(JsonRpcRequest request, Fuseable.ScalarCallable<?> scalar) {
		try {
			Object value = scalar.call();
			return success(request, value);
		}
		catch (Throwable ex) {
			return failure(request, ex);
		}
	}

	private Mono<Object> execute(JsonRpcRequest request, CallContext context) {
		String method = request.method();
		if (method.startsWith("rpc.")) {
			SystemMethod system = this.systemMethods.get(method);
			return (system != null) ? system.call(request.params(), context)
					: Mono.error(new JsonRpcException(JsonRpcError.methodNotFound(method)));
		}
		Command command = this.registry.find(method).orElse(null);
		if (command == null) {
			return Mono.error(new JsonRpcException(JsonRpcError.methodNotFound(method)));
		}
		if (!this.authorizer.isAllowed(context.caller(), method)) {
			// answered exactly like an unknown command, so that callers cannot learn
			// which commands exist
			return Mono.error(new JsonRpcException(JsonRpcError.methodNotFound(method)));
		}
		WaitParams wait = WaitParams.of(request.params(), command.descriptor());
		var prepared = command.handler().prepare(wait.params());
		if (command.descriptor().queued()) {
			if (this.jobSubmitter == null) {
				throw new IllegalStateException("Command '" + method + "' is queued but the queue is disabled");
			}
			return this.jobSubmitter.submit(command, wait.params(), context, wait.maxWait(), wait.pollInterval());
		}
		Duration timeout = (command.descriptor().timeout() != null) ? command.descriptor().timeout()
				: this.defaultTimeout;
		Duration cap = (command.descriptor().syncCap() != null) ? command.descriptor().syncCap() : this.syncCap;
		if (this.jobSubmitter != null && cap != null && !cap.isZero() && cap.compareTo(timeout) < 0) {
			return underSyncCap(command, wait.params(), prepared, context, cap);
		}
		Mono<Object> result = prepared.execute(context.caller(), JobContext.NONE);
		// a value that is already there cannot time out: skip the timer for synchronous
		// results
		return (result instanceof Fuseable.ScalarCallable) ? result : result.timeout(timeout);
	}

	/**
	 * Runs a call that the queue adopts if it is still running when the cap passes: the
	 * command runs once; past the cap the caller is answered with the job's id and the
	 * same invocation goes on as a running job (no second run, no orphaned thread). The
	 * job's timeout then applies.
	 */
	private Mono<Object> underSyncCap(Command command, @Nullable JsonNode params,
			dev.rpcadapter.command.PreparedCall prepared, CallContext context, Duration cap) {
		JobSubmitter submitter = java.util.Objects.requireNonNull(this.jobSubmitter);
		return Mono.deferContextual((ctx) -> {
			HandOffCall call = new HandOffCall();
			call.start(prepared, context.caller(), ctx);
			return call.outcome()
				.timeout(Mono.delay(cap).doOnNext((tick) -> call.handingOff()),
						Mono.defer(() -> submitter.handOff(command, params, context, call)))
				.doOnCancel(call::requestCancelled);
		});
	}

	private JsonRpcResponse success(JsonRpcRequest request, @Nullable Object result) {
		JsonNode node = (result == null) ? null
				: (result instanceof JsonNode json) ? json : this.mapper.valueToTree(result);
		if (this.resultFormat == ResultFormat.ENVELOPE && !request.method().startsWith("rpc.")) {
			boolean queued = this.registry.find(request.method()).map((c) -> c.descriptor().queued()).orElse(false);
			node = SeedEnvelope.wrap(request.method(), node, queued);
		}
		return JsonRpcResponse.success(idOf(request), node);
	}

	private JsonRpcResponse failure(JsonRpcRequest request, Throwable ex) {
		JsonRpcError error = toError(request.method(), ex);
		if (this.resultFormat == ResultFormat.ENVELOPE && isCommandLevel(error)) {
			ObjectNode envelope = JsonNodeFactory.instance.objectNode().put("success", false);
			envelope.set("error", this.mapper.valueToTree(error));
			if (error.data() == null) {
				((ObjectNode) envelope.get("error")).remove("data");
			}
			return JsonRpcResponse.success(idOf(request), envelope);
		}
		return JsonRpcResponse.failure(idOf(request), error);
	}

	private static boolean isCommandLevel(JsonRpcError error) {
		int code = error.code();
		return code != ErrorCodes.METHOD_NOT_FOUND && code != ErrorCodes.INVALID_REQUEST
				&& code != ErrorCodes.PARSE_ERROR && code != ErrorCodes.PERMISSION_DENIED
				&& code != ErrorCodes.AUTHENTICATION_REQUIRED;
	}

	private JsonRpcError toError(String method, Throwable ex) {
		if (ex instanceof JsonRpcException rpc) {
			return rpc.error();
		}
		if (ex instanceof CommandException command) {
			JsonNode data = (command.data() == null) ? null : this.mapper.valueToTree(command.data());
			return new JsonRpcError(command.code(), String.valueOf(command.getMessage()), data);
		}
		for (ExceptionMapper exceptionMapper : this.exceptionMappers) {
			JsonRpcError error = exceptionMapper.map(ex);
			if (error != null) {
				return error;
			}
		}
		if (ex instanceof TimeoutException) {
			return JsonRpcError.of(ErrorCodes.TIMED_OUT, "Command '" + method + "' timed out");
		}
		String errorId = ErrorIds.next();
		logger.error("Command '{}' failed [error_id={}]", method, errorId, ex);
		return JsonRpcError.internal(errorId);
	}

	private static dev.rpcadapter.jsonrpc.JsonRpcId idOf(JsonRpcRequest request) {
		return (request.id() != null) ? request.id() : dev.rpcadapter.jsonrpc.JsonRpcId.NULL;
	}

	@Override
	public byte[] write(JsonRpcResponse response) {
		return this.codec.write(response);
	}

	@Override
	public byte[] writeError(JsonRpcError error) {
		return this.codec.write(JsonRpcResponse.failure(dev.rpcadapter.jsonrpc.JsonRpcId.NULL, error));
	}

}
