package dev.rpcadapter.proxy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import dev.rpcadapter.command.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The proxy's own plain-HTTP API (not JSON-RPC): {@code POST /register},
 * {@code POST /unregister}, {@code POST /proxy/heartbeat}, {@code GET /list} and
 * {@code GET /servers}. Every request is authenticated and authorized by
 * {@link RegistrationAccess} before its body is read; a server_id belongs to the caller
 * that registered it; a server_url must pass the {@link ServerUrlPolicy}.
 */
final class RegistrationRoutes {

	private static final Logger logger = LoggerFactory.getLogger(RegistrationRoutes.class);

	private final ServerCatalog catalog;

	private final ObjectMapper mapper;

	private final RegistrationAccess access;

	private final ServerUrlPolicy policy;

	private final int maxBodySize;

	RegistrationRoutes(ServerCatalog catalog, ObjectMapper mapper, RegistrationAccess access, ServerUrlPolicy policy,
			ProxyProperties properties) {
		this.catalog = catalog;
		this.mapper = mapper;
		this.access = access;
		this.policy = policy;
		this.maxBodySize = (int) Math.min(Integer.MAX_VALUE, properties.getMaxRegistrationSize().toBytes());
	}

	RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.POST("/register", (request) -> registrar(request, this::register))
			.POST("/unregister", (request) -> registrar(request, this::unregister))
			.POST("/proxy/heartbeat", (request) -> registrar(request, this::heartbeat))
			.GET("/list", this::list)
			.GET("/servers", this::list)
			.build();
	}

	/**
	 * 200 {@code {"status":"ok","registered":id,"already_registered":bool}}; 400 for a
	 * bad body or URL.
	 */
	private Mono<ServerResponse> register(Caller caller, JsonNode body) {
		String serverId = text(body, "server_id");
		String serverUrl = text(body, "server_url");
		if (serverId.isBlank() || serverUrl.isBlank()) {
			return json(HttpStatus.BAD_REQUEST, error("INVALID_REQUEST", "server_id and server_url are required"));
		}
		List<String> capabilities = new ArrayList<>();
		body.path("capabilities").forEach((c) -> capabilities.add(c.asString()));
		JsonNode metadata = body.path("metadata").isObject() ? body.get("metadata") : this.mapper.createObjectNode();
		return Mono.fromCallable(() -> this.policy.checkResolved(serverUrl))
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorMap(ServerUrlPolicy.RejectedUrlException.class, (ex) -> {
				logger.warn("Refused registration of '{}' at {} by '{}': {}", serverId, serverUrl, caller.principal(),
						ex.getMessage());
				return new RegistrationException(HttpStatus.BAD_REQUEST, "SERVER_URL_NOT_ALLOWED",
						"server_url is not allowed by this proxy (proxy.server-urls)");
			})
			.flatMap((uri) -> {
				boolean already = this.catalog.register(serverId, serverUrl, capabilities, metadata, text(body, "uuid"),
						caller.principal());
				Map<String, Object> answer = new LinkedHashMap<>();
				answer.put("status", "ok");
				answer.put("registered", serverId);
				answer.put("already_registered", already);
				return json(HttpStatus.OK, answer);
			});
	}

	/**
	 * 200 when removed, 404 when not registered with that URL, 403 when registered by
	 * another caller.
	 */
	private Mono<ServerResponse> unregister(Caller caller, JsonNode body) {
		String serverId = text(body, "server_id");
		String serverUrl = text(body, "server_url");
		if (serverId.isBlank() || serverUrl.isBlank()) {
			return json(HttpStatus.BAD_REQUEST, error("INVALID_REQUEST", "server_id and server_url are required"));
		}
		if (this.catalog.unregister(serverId, serverUrl, caller.principal())) {
			return json(HttpStatus.OK, Map.of("status", "ok", "unregistered", serverId));
		}
		return json(HttpStatus.NOT_FOUND, error("SERVER_NOT_FOUND", "no server '" + serverId + "' with that URL"));
	}

	/**
	 * 200 when known; 404 when not, so the server registers again at once; 403 when
	 * another caller's.
	 */
	private Mono<ServerResponse> heartbeat(Caller caller, JsonNode body) {
		String serverId = text(body, "server_id");
		if (this.catalog.heartbeat(serverId, text(body, "server_url"), caller.principal())) {
			return json(HttpStatus.OK, Map.of("status", "ok", "server_id", serverId));
		}
		return json(HttpStatus.NOT_FOUND,
				error("SERVER_NOT_FOUND", "'" + serverId + "' is not registered; register again"));
	}

	private Mono<ServerResponse> list(ServerRequest request) {
		int page = Math.max(1, intParam(request, "page", 1));
		int pageSize = Math.min(1000, Math.max(1, intParam(request, "page_size", 100)));
		return this.access.lister(request)
			.flatMap((caller) -> json(HttpStatus.OK, ProxyCommands.page(this.catalog.all(), page, pageSize)))
			.onErrorResume(this::failure);
	}

	/**
	 * Authenticates and authorizes, then reads the body (at most
	 * proxy.max-registration-size) as a JSON object.
	 */
	private Mono<ServerResponse> registrar(ServerRequest request,
			BiFunction<Caller, JsonNode, Mono<ServerResponse>> handler) {
		long length = request.headers().contentLength().orElse(-1);
		Mono<ServerResponse> response = this.access.registrar(request).flatMap((caller) -> {
			if (length > this.maxBodySize) {
				return tooLarge();
			}
			return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), this.maxBodySize)
				.map((buffer) -> {
					try {
						return buffer.toString(StandardCharsets.UTF_8);
					}
					finally {
						DataBufferUtils.release(buffer);
					}
				})
				.defaultIfEmpty("")
				.flatMap((text) -> parsed(text, (body) -> handler.apply(caller, body)))
				.onErrorResume(DataBufferLimitException.class, (ex) -> tooLarge());
		});
		return response.onErrorResume(this::failure);
	}

	private Mono<ServerResponse> parsed(String text,
			java.util.function.Function<JsonNode, Mono<ServerResponse>> handler) {
		JsonNode body;
		try {
			body = this.mapper.readTree(text);
		}
		catch (JacksonException ex) {
			return json(HttpStatus.BAD_REQUEST, error("INVALID_JSON", "the body is not JSON"));
		}
		return body.isObject() ? handler.apply(body)
				: json(HttpStatus.BAD_REQUEST, error("INVALID_REQUEST", "the body must be a JSON object"));
	}

	private Mono<ServerResponse> tooLarge() {
		return json(HttpStatus.CONTENT_TOO_LARGE, error("REGISTRATION_TOO_LARGE",
				"the body is larger than " + this.maxBodySize + " bytes (proxy.max-registration-size)"));
	}

	/**
	 * A refusal as its JSON error; anything else as a generic 500 whose details go to the
	 * log only.
	 */
	private Mono<ServerResponse> failure(Throwable ex) {
		if (ex instanceof RegistrationException refused) {
			return ServerResponse.status(refused.status())
				.headers((headers) -> refused.headers().forEach(headers::set))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(this.mapper.writeValueAsString(error(refused.code(), String.valueOf(refused.getMessage()))));
		}
		logger.error("Registration request failed", ex);
		return json(HttpStatus.INTERNAL_SERVER_ERROR, error("INTERNAL_ERROR", "internal error"));
	}

	private Mono<ServerResponse> json(HttpStatus status, Object body) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.mapper.writeValueAsString(body));
	}

	private static Map<String, Object> error(String code, String message) {
		return Map.of("status", "error", "error_code", code, "error", message);
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.path(field);
		return value.isString() ? value.asString().trim() : "";
	}

	private static int intParam(ServerRequest request, String name, int fallback) {
		try {
			return request.queryParam(name).map(Integer::parseInt).orElse(fallback);
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
