package dev.rpcadapter.autoconfigure.registration;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.rpcadapter.web.netty.NettyClientTls;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.SslBundle;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Posts JSON to the proxy with Reactor Netty on its own small event loop and connection
 * pool, so registration never shares or blocks the server's threads and leaves no thread
 * behind on {@link #close()}. TLS comes from an SSL bundle; hostname verification stays
 * on.
 */
final class ProxyClient implements AutoCloseable {

	static final String THREAD_PREFIX = "rpc-adapter-registration";

	private static final DefaultRegistrationObservationConvention DEFAULT_CONVENTION = new DefaultRegistrationObservationConvention();

	private final LoopResources loops;

	private final ConnectionProvider connections;

	private final HttpClient http;

	private final Duration timeout;

	private final ObservationRegistry observations;

	private final @Nullable RegistrationObservationConvention convention;

	/**
	 * @param timeout connect and response timeout
	 * @param ssl TLS (and client certificate) towards the proxy, or {@code null} for the
	 * JVM defaults
	 * @param apiKey sent as {@code X-API-Key} on every request when not empty
	 */
	ProxyClient(Duration timeout, @Nullable SslBundle ssl, String apiKey) {
		this(timeout, ssl, apiKey, ObservationRegistry.NOOP, null);
	}

	/**
	 * @param observations where each request is observed
	 * ({@code rpc.adapter.registration.request}); a tracing handler adds
	 * {@code traceparent} to the request
	 * @param convention replaces the default convention, or {@code null}
	 */
	ProxyClient(Duration timeout, @Nullable SslBundle ssl, String apiKey, ObservationRegistry observations,
			@Nullable RegistrationObservationConvention convention) {
		this.timeout = timeout;
		this.observations = observations;
		this.convention = convention;
		this.loops = LoopResources.create(THREAD_PREFIX + "-io", 1, true);
		this.connections = ConnectionProvider.builder(THREAD_PREFIX)
			.maxConnections(4)
			.maxIdleTime(Duration.ofSeconds(20))
			.build();
		HttpClient client = HttpClient.create(this.connections)
			.runOn(this.loops)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
			.responseTimeout(timeout)
			.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
				.set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON));
		if (!apiKey.isBlank()) {
			client = client.headers((headers) -> headers.set("X-API-Key", apiKey.strip()));
		}
		this.http = (ssl != null) ? client.secure((spec) -> spec.sslContext(NettyClientTls.fromBundle(ssl))) : client;
	}

	/**
	 * POSTs a JSON body; completes with the answer, or fails on connection errors and
	 * timeouts.
	 * @param kind {@code register}, {@code heartbeat} or {@code unregister} (the
	 * observation's tag)
	 */
	Mono<ProxyResponse> post(String kind, URI url, byte[] json) {
		if (this.observations.isNoop()) {
			return exchange(url, json, Map.of());
		}
		return Mono.defer(() -> {
			RegistrationObservationContext context = new RegistrationObservationContext(kind, url);
			Observation observation = RegistrationObservationDocumentation.REQUEST
				.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.observations)
				.start();
			// stopped once, before the answer goes on, so that whoever gets it sees the
			// observation ended
			AtomicBoolean stopped = new AtomicBoolean();
			Runnable stop = () -> {
				if (stopped.compareAndSet(false, true)) {
					observation.stop();
				}
			};
			return exchange(url, json, context.headers()).doOnNext((response) -> {
				context.answered(response.status());
				stop.run();
			}).doOnError((ex) -> {
				observation.error(ex);
				stop.run();
			}).doOnCancel(stop);
		});
	}

	private Mono<ProxyResponse> exchange(URI url, byte[] json, Map<String, String> headers) {
		HttpClient client = headers.isEmpty() ? this.http : this.http.headers((h) -> headers.forEach(h::set));
		return client.post()
			.uri(url)
			.send(Mono.just(io.netty.buffer.Unpooled.wrappedBuffer(json)))
			.responseSingle((response, body) -> body.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.map((text) -> new ProxyResponse(response.status().code(), text)))
			.timeout(this.timeout.plus(this.timeout));
	}

	@Override
	public void close() {
		this.connections.disposeLater().block(Duration.ofSeconds(5));
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(6));
	}

}
