package dev.rpcadapter.proxy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Observes a call the proxy forwards to a server ({@code rpc.adapter.proxy.forward}, a
 * client span child of the proxy's own call): a tracing handler writes the trace context
 * ({@code traceparent}) into the headers the request is sent with, so the server's call
 * span joins the caller's trace.
 */
final class ForwardObservations {

	/**
	 * Where the dispatcher puts a call's observation in the Reactor context (Micrometer's
	 * key).
	 */
	private static final String REACTOR_KEY = "micrometer.observation";

	private final ObservationRegistry registry;

	ForwardObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Runs {@code exchange} with the headers to send, under an observation when the
	 * registry is not a no-op.
	 */
	<T> Mono<T> observe(String command, String serverId, Map<String, String> headers,
			Function<Map<String, String>, Mono<T>> exchange) {
		if (this.registry.isNoop()) {
			return exchange.apply(headers);
		}
		return Mono.deferContextual((reactorContext) -> {
			SenderContext<Map<String, String>> context = new SenderContext<>((carrier, key, value) -> {
				if (carrier != null) {
					carrier.put(key, value);
				}
			}, Kind.CLIENT);
			context.setCarrier(new LinkedHashMap<>(headers));
			context.setRemoteServiceName(serverId);
			Observation observation = Observation
				.createNotStarted("rpc.adapter.proxy.forward", () -> context, this.registry)
				// the command and server come from the caller: span tags only, never
				// meter tags
				.contextualName("forward")
				.highCardinalityKeyValue("command", command)
				.highCardinalityKeyValue("server_id", serverId)
				.parentObservation(parent(reactorContext.getOrDefault(REACTOR_KEY, null)))
				.start();
			AtomicBoolean stopped = new AtomicBoolean();
			Runnable stop = () -> {
				if (stopped.compareAndSet(false, true)) {
					observation.stop();
				}
			};
			return exchange.apply(context.getCarrier()).doOnNext((value) -> stop.run()).doOnError((ex) -> {
				observation.error(ex);
				stop.run();
			}).doOnCancel(stop);
		});
	}

	private @Nullable Observation parent(@Nullable Object fromReactor) {
		return (fromReactor instanceof Observation observation) ? observation : this.registry.getCurrentObservation();
	}

}
