package dev.rpcadapter.autoconfigure.registration;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A proxy stand-in on a real port: records every request, remembers registered servers
 * like a proxy does, and can be told to fail, hang, say "already registered" or forget
 * everything.
 */
final class FakeProxy implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	final List<Received> received = new CopyOnWriteArrayList<>();

	private final Set<String> known = ConcurrentHashMap.newKeySet();

	private final Map<String, Integer> forcedStatus = new ConcurrentHashMap<>();

	private final LoopResources loops = LoopResources.create("fake-proxy", 1, true);

	private final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private volatile boolean hang;

	private volatile boolean probeServer;

	private final int port;

	private DisposableServer server;

	private FakeProxy(int port) {
		this.port = port;
	}

	/** Starts on a random free port. */
	static FakeProxy start() {
		FakeProxy proxy = new FakeProxy(0);
		proxy.listen();
		return proxy;
	}

	/** Reserves a free port without listening on it: a proxy that is down. */
	static FakeProxy down() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return new FakeProxy(socket.getLocalPort());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	FakeProxy listen() {
		this.server = HttpServer.create()
			.runOn(this.loops)
			.host("127.0.0.1")
			.port(this.port)
			.route((routes) -> routes.post("/register", this::register)
				.post("/unregister", this::unregister)
				.post("/proxy/heartbeat", this::heartbeat))
			.bindNow();
		return this;
	}

	int port() {
		return (this.server != null) ? this.server.port() : this.port;
	}

	String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	/** The properties pointing a server at this proxy. */
	String[] properties() {
		return new String[] { "adapter.registration.enabled=true",
				"adapter.registration.register-url=" + url("/register"),
				"adapter.registration.unregister-url=" + url("/unregister"),
				"adapter.registration.heartbeat-url=" + url("/proxy/heartbeat") };
	}

	void answer(String path, int status) {
		this.forcedStatus.put(path, status);
	}

	void hang(boolean hang) {
		this.hang = hang;
	}

	/**
	 * Probes the server's /health from inside each register/unregister, before answering.
	 */
	void probeServer(boolean probe) {
		this.probeServer = probe;
	}

	/** Forgets every server, as a restarted proxy would. */
	void forgetAll() {
		this.known.clear();
	}

	List<Received> at(String path) {
		return this.received.stream().filter((r) -> r.path().equals(path)).toList();
	}

	private Mono<Void> register(HttpServerRequest request, HttpServerResponse response) {
		return handle(request, response, (body) -> {
			this.known.add(body.path("server_id").asString());
			return 200;
		});
	}

	private Mono<Void> unregister(HttpServerRequest request, HttpServerResponse response) {
		return handle(request, response, (body) -> this.known.remove(body.path("server_id").asString()) ? 200 : 404);
	}

	private Mono<Void> heartbeat(HttpServerRequest request, HttpServerResponse response) {
		return handle(request, response, (body) -> this.known.contains(body.path("server_id").asString()) ? 200 : 404);
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response,
			java.util.function.ToIntFunction<JsonNode> decide) {
		String path = request.path().startsWith("/") ? request.path() : "/" + request.path();
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("{}").flatMap((text) -> {
			JsonNode body = json.readTree(text);
			Integer probed = this.probeServer && !path.endsWith("heartbeat") ? probe(body) : null;
			this.received
				.add(new Received(path, body, Instant.now(), probed, request.requestHeaders().get("traceparent")));
			if (this.hang) {
				return Mono.never();
			}
			int decided = decide.applyAsInt(body);
			Integer forced = this.forcedStatus.get(path);
			int status = (forced != null) ? forced : decided;
			String answer = (status == 409) ? "{\"error\":\"already registered\"}" : "{\"status\":\"ok\"}";
			return response.status(status)
				.header("Content-Type", "application/json")
				.sendString(Mono.just(answer))
				.then();
		});
	}

	private Integer probe(JsonNode body) {
		try {
			HttpRequest get = HttpRequest.newBuilder(URI.create(body.path("server_url").asString() + "/health"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return this.probe.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.disposeNow(Duration.ofSeconds(2));
		}
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block();
	}

	/**
	 * One request the proxy got.
	 *
	 * @param path the path
	 * @param body the JSON body
	 * @param at when
	 * @param serverHealthStatus the server's /health status seen while handling it, if
	 * probed
	 */
	record Received(String path, JsonNode body, Instant at, Integer serverHealthStatus, String traceparent) {
	}

}
