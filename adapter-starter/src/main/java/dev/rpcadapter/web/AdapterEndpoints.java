package dev.rpcadapter.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.discovery.ApiInfo;
import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.jsonrpc.JsonRpcId;
import dev.rpcadapter.jsonrpc.JsonRpcRequest;
import dev.rpcadapter.jsonrpc.JsonRpcResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the adapter's HTTP endpoints answer, independent of the server that carries them.
 * Every transport calls these methods, so limits, errors and metrics are the same on
 * each.
 */
public final class AdapterEndpoints {

	private final JsonRpcDispatcher dispatcher;

	private final ObjectMapper mapper;

	private final ApiDocumentCache documents;

	private final AdapterHealth health;

	private final ApiInfo info;

	private final DocsPage docsPage;

	private final String advertisedUrl;

	private final HealthDetailsVisibility healthDetails;

	public AdapterEndpoints(JsonRpcDispatcher dispatcher, ApiDocumentCache documents, AdapterHealth health,
			ApiInfo info, DocsPage docsPage, String advertisedUrl) {
		this(dispatcher, documents, health, info, docsPage, advertisedUrl, HealthDetailsVisibility.ALWAYS);
	}

	public AdapterEndpoints(JsonRpcDispatcher dispatcher, ApiDocumentCache documents, AdapterHealth health,
			ApiInfo info, DocsPage docsPage, String advertisedUrl, HealthDetailsVisibility healthDetails) {
		this.healthDetails = healthDetails;
		this.dispatcher = dispatcher;
		this.mapper = dispatcher.mapper();
		this.documents = documents;
		this.health = health;
		this.info = info;
		this.docsPage = docsPage;
		this.advertisedUrl = advertisedUrl;
	}

	/** {@code POST /api/jsonrpc}: one request, a notification or a batch. */
	public Mono<AdapterResponse> jsonRpc(AdapterRequest request, Caller caller, byte[] body) {
		return this.dispatcher.handle(body, context(request, caller, "http"))
			.map((bytes) -> AdapterResponse.json(200, bytes))
			.defaultIfEmpty(AdapterResponse.noContent());
	}

	/** {@code POST /api/jsonrpc/batch}: a batch array only. */
	public Mono<AdapterResponse> batch(AdapterRequest request, Caller caller, byte[] body) {
		if (!isBatch(body)) {
			return Mono.just(error(200, JsonRpcError.invalidRequest("this endpoint takes a batch (a JSON array)")));
		}
		return jsonRpc(request, caller, body);
	}

	/**
	 * {@code POST /cmd}: {@code {"command", "params"}} → {@code {"result"}} or
	 * {@code {"error"}}, always HTTP 200.
	 */
	public Mono<AdapterResponse> cmd(AdapterRequest request, Caller caller, byte[] body) {
		JsonNode node;
		try {
			node = this.dispatcher.read(body);
		}
		catch (JsonRpcException ex) {
			return Mono.just(cmdError(ex.error()));
		}
		if (!node.isObject()) {
			return Mono.just(cmdError(JsonRpcError.invalidRequest("expected {\"command\": name, \"params\": {...}}")));
		}
		if (node.has("jsonrpc")) {
			return this.dispatcher.handle(node, context(request, caller, "http"))
				.map((bytes) -> AdapterResponse.json(200, bytes))
				.defaultIfEmpty(AdapterResponse.noContent());
		}
		JsonNode command = node.get("command");
		JsonNode params = node.get("params");
		if (command == null || !command.isString()) {
			return Mono.just(cmdError(JsonRpcError.invalidRequest("command must be a string")));
		}
		if (params != null && !params.isObject() && !params.isArray() && !params.isNull()) {
			return Mono.just(cmdError(JsonRpcError.invalidRequest("params must be an object or an array")));
		}
		JsonRpcRequest call = new JsonRpcRequest(command.asString(), params, JsonRpcId.of(1));
		return this.dispatcher.call(call, context(request, caller, "cmd")).map(this::cmdResponse);
	}

	private AdapterResponse cmdResponse(JsonRpcResponse response) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (response instanceof JsonRpcResponse.Success success) {
			body.put("result", success.result());
		}
		else if (response instanceof JsonRpcResponse.Failure failure) {
			body.put("error", errorBody(failure.error()));
		}
		return AdapterResponse.json(200, this.mapper.writeValueAsBytes(body));
	}

	private AdapterResponse cmdError(JsonRpcError error) {
		return AdapterResponse.json(200, this.mapper.writeValueAsBytes(Map.of("error", errorBody(error))));
	}

	/**
	 * An error object as the HTTP endpoints write it: {@code data} omitted when there is
	 * none.
	 */
	public static Map<String, Object> errorBody(JsonRpcError error) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", error.code());
		body.put("message", error.message());
		if (error.data() != null) {
			body.put("data", error.data());
		}
		return body;
	}

	/** {@code GET /commands}: the commands the caller may call. */
	public AdapterResponse commands(Caller caller) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (CommandDescriptor d : this.documents.visible(caller)) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", d.name());
			entry.put("description", d.description());
			entry.put("schema", d.paramsSchema());
			entry.put("queued", d.queued());
			body.put(d.name(), entry);
		}
		return AdapterResponse.json(200, this.mapper.writeValueAsBytes(body));
	}

	/**
	 * {@code GET /health}: HTTP 503 when down; only {@code {"status"}} for a caller the
	 * {@link HealthDetailsVisibility} does not show the details to. Computed off the
	 * event loop, cached briefly.
	 */
	public Mono<AdapterResponse> health(Caller caller) {
		return this.health.current().map((body) -> {
			Object shown = this.healthDetails.showsDetailsTo(caller) ? body : Map.of("status", body.get("status"));
			return AdapterResponse.json(this.health.isDown(body) ? 503 : 200, this.mapper.writeValueAsBytes(shown));
		});
	}

	/** {@code GET /heartbeat}. */
	public AdapterResponse heartbeat(AdapterRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", "ok");
		body.put("server_name", this.info.title());
		body.put("server_url", serverUrl(request));
		body.put("timestamp", java.math.BigDecimal.valueOf(Instant.now().toEpochMilli(), 3));
		return AdapterResponse.json(200, this.mapper.writeValueAsBytes(body));
	}

	private String serverUrl(AdapterRequest request) {
		if (!this.advertisedUrl.isEmpty()) {
			return this.advertisedUrl;
		}
		return request.baseUrl();
	}

	public AdapterResponse openApi(Caller caller) {
		return AdapterResponse.json(200, this.documents.openApi(caller));
	}

	public AdapterResponse openRpc(AdapterRequest request, Caller caller) {
		return AdapterResponse.json(200, this.documents.openRpc(caller, request.baseUrl()));
	}

	/** {@code GET /docs}: the HTML page. */
	public AdapterResponse docs(Caller caller) {
		return new AdapterResponse(200, "text/html; charset=utf-8",
				this.docsPage.render(this.documents.visible(caller)), Map.of());
	}

	/** A pre-dispatch rejection: the status with a JSON-RPC error body. */
	public AdapterResponse error(AdapterHttpException ex) {
		AdapterResponse response = error(ex.status(), ex.error());
		return new AdapterResponse(response.status(), response.contentType(), response.body(), ex.headers());
	}

	public AdapterResponse error(int status, JsonRpcError error) {
		return AdapterResponse.json(status, this.dispatcher.writeError(error));
	}

	/**
	 * A method the path does not take: HTTP 405 with {@code Allow} and a {@code -32600}
	 * body.
	 */
	public AdapterResponse methodNotAllowed(String path, String allow) {
		AdapterResponse response = error(405, JsonRpcError.invalidRequest(path + " takes " + allow));
		return new AdapterResponse(405, response.contentType(), response.body(), Map.of("Allow", allow));
	}

	/** The answer to a body over the size limit. */
	public AdapterResponse bodyTooLarge(long limit) {
		return error(413, JsonRpcError.of(ErrorCodes.INVALID_REQUEST,
				"Invalid Request: body larger than " + limit + " bytes (adapter.jsonrpc.max-body-size)"));
	}

	public CallContext context(AdapterRequest request, Caller caller, String transport) {
		var address = request.remoteAddress();
		// the headers are the carrier of the caller's trace context (traceparent) for the
		// call's observation
		return new CallContext(caller, transport, address != null ? address.getHostString() : null, (id) -> {
		}, request::baseUrl, request::header);
	}

	public JsonRpcDispatcher dispatcher() {
		return this.dispatcher;
	}

	/**
	 * Whether a request body is a batch: its first non-blank byte is {@code [}.
	 * @param body the request body
	 * @return whether it starts with a JSON array
	 */
	public static boolean isBatch(byte[] body) {
		for (byte b : body) {
			if (b == '[') {
				return true;
			}
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return false;
			}
		}
		return false;
	}

}
