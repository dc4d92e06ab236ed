package dev.rpcadapter.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs JSON and reads JSON back, mapping HTTP statuses: 204 → no body; 2xx → the JSON
 * body; any other status with a JSON-RPC error body (401/403/413/429 by contract) →
 * {@link RpcErrorException}; anything else → {@link RpcTransportException}.
 */
final class HttpJsonExchange {

	private static final int MAX_BODY_IN_MESSAGE = 200;

	private final HttpClient httpClient;

	private final JsonMapper mapper;

	private final Map<String, String> headers;

	private final Duration requestTimeout;

	private final Supplier<Map<String, String>> requestHeaders;

	/**
	 * @param requestHeaders asked for each request (a trace context), applied after
	 * {@code headers}
	 */
	HttpJsonExchange(HttpClient httpClient, JsonMapper mapper, Map<String, String> headers, Duration requestTimeout,
			Supplier<Map<String, String>> requestHeaders) {
		this.httpClient = httpClient;
		this.mapper = mapper;
		this.headers = Map.copyOf(headers);
		this.requestTimeout = requestTimeout;
		this.requestHeaders = requestHeaders;
	}

	/**
	 * @return the parsed body, or {@code null} for 204 / an empty body
	 */
	CompletableFuture<@Nullable JsonNode> post(URI target, JsonNode body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(target)
			.timeout(this.requestTimeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.mapper.writeValueAsString(body)));
		this.headers.forEach(request::header);
		this.requestHeaders.get().forEach(request::header);
		return this.httpClient.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
			.handle((response, failure) -> {
				if (failure != null) {
					throw new CompletionException(TransportFailures.describe(failure, target));
				}
				return read(response, target);
			});
	}

	@Nullable JsonNode read(HttpResponse<String> response, URI target) {
		int status = response.statusCode();
		String body = response.body();
		if (status == 204 || (status / 100 == 2 && (body == null || body.isBlank()))) {
			return null;
		}
		JsonNode json = parseOrNull(body);
		if (status / 100 == 2) {
			if (json == null) {
				throw new RpcProtocolException("Response from " + target + " is not valid JSON: " + abbreviate(body));
			}
			return json;
		}
		JsonNode error = (json != null) ? json.get("error") : null;
		if (error != null && error.isObject()) {
			throw RpcErrorException.of(RpcError.fromJson(error), status,
					RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null)));
		}
		throw new RpcTransportException("HTTP " + status + " from POST " + target + " without a JSON-RPC error body"
				+ (body.isBlank() ? "" : ": " + abbreviate(body))
				+ ((status == 404) ? " (check the endpoint path)" : ""), null);
	}

	private @Nullable JsonNode parseOrNull(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String abbreviate(String body) {
		String flat = body.strip().replaceAll("\\s+", " ");
		return (flat.length() <= MAX_BODY_IN_MESSAGE) ? flat : flat.substring(0, MAX_BODY_IN_MESSAGE) + "…";
	}

}
