package dev.rpcadapter.dispatch;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.rpcadapter.jsonrpc.JsonRpcRequest;
import dev.rpcadapter.jsonrpc.JsonRpcResponse;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The observation of one call, made only when the registry is not a no-op: started before
 * the command runs, in scope while it starts (so that a job it submits continues its
 * trace), stopped with the response.
 */
final class CallObservations {

	/**
	 * The Reactor context key of Micrometer's context propagation
	 * ({@code ObservationThreadLocalAccessor.KEY}).
	 */
	private static final String REACTOR_KEY = "micrometer.observation";

	private static final DefaultCallObservationConvention DEFAULT_CONVENTION = new DefaultCallObservationConvention();

	private final Observation observation;

	private final CallObservationContext context;

	/**
	 * A response and a cancel may both come (the cancel from another thread): the first
	 * one stops.
	 */
	private final AtomicBoolean stopped = new AtomicBoolean();

	private CallObservations(Observation observation, CallObservationContext context) {
		this.observation = observation;
		this.context = context;
	}

	static Mono<JsonRpcResponse> observe(JsonRpcRequest request, boolean known, CallContext call,
			ObservationRegistry registry, @Nullable CallObservationConvention convention,
			Function<CallObservations, Mono<JsonRpcResponse>> invocation) {
		CallObservationContext context = new CallObservationContext(request.method(), known, call);
		Observation observation = CallObservationDocumentation.CALL
			.observation(convention, DEFAULT_CONVENTION, () -> context, registry)
			.start();
		return invocation.apply(new CallObservations(observation, context));
	}

	<T> T inScope(Supplier<T> work) {
		try (Observation.Scope scope = this.observation.openScope()) {
			return work.get();
		}
	}

	void stop(JsonRpcResponse response) {
		if (this.stopped.compareAndSet(false, true)) {
			int code = (response instanceof JsonRpcResponse.Failure failure) ? failure.error().code() : 0;
			this.context.ended(code);
			this.observation.stop();
		}
	}

	private void cancelled() {
		if (this.stopped.compareAndSet(false, true)) {
			this.context.cancel();
			this.observation.stop();
		}
	}

	Mono<JsonRpcResponse> around(Mono<JsonRpcResponse> response) {
		return response.doOnNext(this::stop)
			.doOnCancel(this::cancelled)
			.contextWrite((ctx) -> ctx.put(REACTOR_KEY, this.observation));
	}

}
