package dev.rpcadapter.proxy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import dev.rpcadapter.web.netty.NettyClientTls;
import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import io.micrometer.observation.ObservationRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls registered servers: JSON-RPC on their {@code jsonrpc_path}, the catalogue on
 * their {@code commands_path}. HTTPS and mTLS through {@code proxy.ssl-bundle}; hostname
 * verification on. Every call checks the server's URL and the addresses its host resolves
 * to against the {@link ServerUrlPolicy}. Why a server could not be reached goes to the
 * log, never to the caller (it would make the proxy a port scanner).
 */
@Component
class ServerClient {

	private static final Logger logger = LoggerFactory.getLogger(ServerClient.class);

	private final ServerUrlPolicy policy;

	private final HttpClient http;

	private final ObjectMapper mapper;

	private final Duration timeout;

	private final ForwardObservations observations;

	ServerClient(ProxyProperties properties, SslBundles bundles, ObjectMapper mapper, ServerUrlPolicy policy,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		this.mapper = mapper;
		this.observations = new ForwardObservations(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
		this.policy = policy;
		this.timeout = properties.getCallTimeout();
		HttpClient client = HttpClient.create()
			.resolver(new CheckedAddressResolverGroup(policy))
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, this.timeout.toMillis()))
			.responseTimeout(this.timeout);
		this.http = properties.getSslBundle().isBlank() ? client : client
			.secure((spec) -> spec.sslContext(NettyClientTls.fromBundle(bundles.getBundle(properties.getSslBundle()))));
	}

	/**
	 * Calls {@code command} on the server: its result, or its error with the same code,
	 * message and data.
	 */
	Mono<JsonNode> call(RegisteredServer server, String command, JsonNode params) {
		return call(server, command, params, Map.of());
	}

	/**
	 * Calls {@code command} with these extra request headers (a caller's credentials,
	 * forwarded by the MCP gateway): its result, or its error with the same code, message
	 * and data.
	 */
	Mono<JsonNode> call(RegisteredServer server, String command, JsonNode params, Map<String, String> headers) {
		ObjectNode request = this.mapper.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", command);
		if (!params.isNull() && !params.isMissingNode()) {
			request.set("params", params);
		}
		String url = server.serverUrl() + server.path("jsonrpc_path", "/api/jsonrpc");
		// with tracing, the forwarded request carries the trace context of the call being
		// served
		return Mono.fromRunnable(() -> this.policy.check(url))
			.then(this.observations.observe(command, server.serverId(), headers, (sent) -> this.http.headers((h) -> {
				sent.forEach(h::set);
				h.set("Content-Type", "application/json");
			})
				.post()
				.uri(url)
				.send(Mono.just(Unpooled.wrappedBuffer(this.mapper.writeValueAsBytes(request))))
				.responseSingle((response, body) -> body.asString(StandardCharsets.UTF_8)
					.defaultIfEmpty("")
					.map((text) -> answer(server, response.status().code(), text)))))
			.onErrorMap((ex) -> !(ex instanceof CommandException || ex instanceof JsonRpcException),
					(ex) -> unavailable(server, ex));
	}

	/** The server's {@code /commands}. */
	Mono<JsonNode> commands(RegisteredServer server) {
		return commands(server, Map.of());
	}

	/**
	 * The server's {@code /commands}, asked with these extra request headers (a caller's
	 * credentials).
	 */
	Mono<JsonNode> commands(RegisteredServer server, Map<String, String> headers) {
		String url = server.serverUrl() + server.path("commands_path", "/commands");
		return Mono.fromRunnable(() -> this.policy.check(url))
			.then(this.http.headers((h) -> headers.forEach(h::set))
				.get()
				.uri(url)
				.responseSingle(
						(response, body) -> body.asString(StandardCharsets.UTF_8).defaultIfEmpty("").map((text) -> {
							if (response.status().code() != 200) {
								throw unavailable(server, "GET /commands answered HTTP " + response.status().code());
							}
							return this.mapper.readTree(text);
						})))
			.onErrorMap((ex) -> !(ex instanceof CommandException), (ex) -> unavailable(server, ex));
	}

	private JsonNode answer(RegisteredServer server, int status, String text) {
		JsonNode body;
		try {
			body = this.mapper.readTree(text);
		}
		catch (JacksonException ex) {
			throw unavailable(server, "HTTP " + status + " with a body that is not JSON");
		}
		JsonNode error = body.path("error");
		if (error.isObject()) {
			throw forwarded(error);
		}
		if (!body.has("result")) {
			throw unavailable(server, "HTTP " + status + " without a JSON-RPC result");
		}
		return body.get("result");
	}

	/**
	 * The server's error, unchanged: a CommandException where its code allows, else a
	 * JsonRpcException.
	 */
	private static RuntimeException forwarded(JsonNode error) {
		int code = error.path("code").asInt(-32000);
		String message = error.path("message").asString("");
		JsonNode data = error.get("data");
		if (code >= -32768 && code <= -32100) {
			return new JsonRpcException(new JsonRpcError(code, message, data));
		}
		return new CommandException(code, message, data);
	}

	private static CommandException unavailable(RegisteredServer server, Throwable ex) {
		return unavailable(server,
				ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
	}

	/**
	 * The same answer whatever went wrong (refused, timeout, not JSON, refused address);
	 * the reason is logged.
	 */
	private static CommandException unavailable(RegisteredServer server, String reason) {
		logger.warn("Server '{}' at {} did not answer: {}", server.serverId(), server.serverUrl(), reason);
		return new CommandException(-32000, "SERVER_UNAVAILABLE: server '" + server.serverId() + "' did not answer",
				Map.of("error_code", "SERVER_UNAVAILABLE", "server_id", server.serverId()));
	}

}
