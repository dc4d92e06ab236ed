package dev.rpcadapter.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything {@link DefaultRpcClient} needs, validated by the builder.
 *
 * @param baseUrl the server's base URL
 * @param apiKey sent as {@code X-API-Key}
 * @param bearerToken sent as {@code Authorization: Bearer}
 * @param jsonRpcPath JSON-RPC endpoint path
 * @param cmdPath {@code /cmd} endpoint path
 * @param webSocketPath WebSocket endpoint path
 * @param requestTimeout resolved request timeout
 * @param connectTimeout connect timeout
 * @param tls TLS trust and key material
 * @param jsonMapper the Jackson mapper
 * @param executor optional executor for the HTTP client
 * @param requestHeaders headers added to each JSON-RPC and {@code /cmd} request, asked
 * per request
 */
record ClientSettings(URI baseUrl, @Nullable String apiKey, @Nullable String bearerToken, String jsonRpcPath,
		String cmdPath, String webSocketPath, Duration requestTimeout, Duration connectTimeout, TlsMaterial tls,
		JsonMapper jsonMapper, @Nullable Executor executor, Supplier<Map<String, String>> requestHeaders) {

	URI endpoint(String path) {
		String base = this.baseUrl.toString();
		return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
	}

	URI webSocketEndpoint() {
		URI http = endpoint(this.webSocketPath);
		String scheme = "https".equalsIgnoreCase(http.getScheme()) ? "wss" : "ws";
		return URI.create(scheme + http.toString().substring(http.getScheme().length()));
	}

}
