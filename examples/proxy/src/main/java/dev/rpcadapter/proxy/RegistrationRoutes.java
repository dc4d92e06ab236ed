package dev.rpcadapter.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The proxy's own plain-HTTP API (not JSON-RPC): {@code POST /register}, {@code POST /unregister},
 * {@code POST /proxy/heartbeat}, {@code GET /list} and {@code GET /servers}.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationRoutes {

	private final ServerCatalog catalog;

	private final ObjectMapper mapper;

	RegistrationRoutes(ServerCatalog catalog, ObjectMapper mapper) {
		this.catalog = catalog;
		this.mapper = mapper;
	}

	@Bean
	RouterFunction<ServerResponse> proxyRoutes() {
		return RouterFunctions.route()
			.POST("/register", (request) -> withBody(request, this::register))
			.POST("/unregister", (request) -> withBody(request, this::unregister))
			.POST("/proxy/heartbeat", (request) -> withBody(request, this::heartbeat))
			.GET("/list", this::list)
			.GET("/servers", this::list)
			.build();
	}

	/** 200 {@code {"status":"ok","registered":id,"already_registered":bool}}; 400 for a bad body. */
	private Mono<ServerResponse> register(JsonNode body) {
		String serverId = text(body, "server_id");
		String serverUrl = text(body, "server_url");
		if (serverId.isBlank() || serverUrl.isBlank()) {
			return json(HttpStatus.BAD_REQUEST, error("INVALID_REQUEST", "server_id and server_url are required"));
		}
		List<String> capabilities = new ArrayList<>();
		body.path("capabilities").forEach((c) -> capabilities.add(c.asString()));
		JsonNode metadata = body.path("metadata").isObject() ? body.get("metadata") : this.mapper.createObjectNode();
		boolean already = this.catalog.register(serverId, serverUrl, capabilities, metadata, text(body, "uuid"));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("status", "ok");
		answer.put("registered", serverId);
		answer.put("already_registered", already);
		return json(HttpStatus.OK, answer);
	}

	/** 200 when removed, 404 when not registered (with that URL). */
	private Mono<ServerResponse> unregister(JsonNode body) {
		String serverId = text(body, "server_id");
		if (this.catalog.unregister(serverId, text(body, "server_url"))) {
			return json(HttpStatus.OK, Map.of("status", "ok", "unregistered", serverId));
		}
		return json(HttpStatus.NOT_FOUND, error("SERVER_NOT_FOUND", "no server '" + serverId + "' with that URL"));
	}

	/** 200 when known; 404 when not, so the server registers again at once. */
	private Mono<ServerResponse> heartbeat(JsonNode body) {
		String serverId = text(body, "server_id");
		if (this.catalog.heartbeat(serverId, text(body, "server_url"))) {
			return json(HttpStatus.OK, Map.of("status", "ok", "server_id", serverId));
		}
		return json(HttpStatus.NOT_FOUND, error("SERVER_NOT_FOUND", "'" + serverId + "' is not registered; register again"));
	}

	private Mono<ServerResponse> list(ServerRequest request) {
		int page = Math.max(1, intParam(request, "page", 1));
		int pageSize = Math.min(1000, Math.max(1, intParam(request, "page_size", 100)));
		return json(HttpStatus.OK, ProxyCommands.page(this.catalog.all(), page, pageSize));
	}

	private Mono<ServerResponse> withBody(ServerRequest request, java.util.function.Function<JsonNode, Mono<ServerResponse>> handler) {
		return request.bodyToMono(String.class).defaultIfEmpty("").flatMap((text) -> {
			JsonNode body;
			try {
				body = this.mapper.readTree(text);
			}
			catch (JacksonException ex) {
				return json(HttpStatus.BAD_REQUEST, error("INVALID_JSON", "the body is not JSON"));
			}
			return body.isObject() ? handler.apply(body)
					: json(HttpStatus.BAD_REQUEST, error("INVALID_REQUEST", "the body must be a JSON object"));
		});
	}

	private Mono<ServerResponse> json(HttpStatus status, Object body) {
		return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
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
