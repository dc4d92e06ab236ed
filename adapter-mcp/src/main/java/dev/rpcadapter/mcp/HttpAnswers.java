package dev.rpcadapter.mcp;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/** The HTTP side of Streamable HTTP: answers, header checks, the Origin allow-list. */
final class HttpAnswers {

	static final String SESSION_HEADER = "Mcp-Session-Id";

	static final String VERSION_HEADER = "MCP-Protocol-Version";

	private static final byte[] EMPTY = new byte[0];

	private final List<String> allowedOrigins;

	HttpAnswers(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins.stream().map((o) -> o.toLowerCase(Locale.ROOT)).toList();
	}

	static McpHttpResponse json(int status, JsonNode message) {
		return json(status, message, Map.of());
	}

	static McpHttpResponse json(int status, JsonNode message, Map<String, String> headers) {
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.put("Content-Type", "application/json");
		return new McpHttpResponse(status, all, message.toString().getBytes(StandardCharsets.UTF_8), null);
	}

	static McpHttpResponse error(int status, int code, String message) {
		return json(status, Rpc.error(null, code, message));
	}

	static McpHttpResponse status(int status, Map<String, String> headers) {
		return new McpHttpResponse(status, headers, EMPTY, null);
	}

	static McpHttpResponse stream(Flux<byte[]> events) {
		return new McpHttpResponse(200, Map.of("Content-Type", "text/event-stream", "Cache-Control", "no-cache"), EMPTY,
				events);
	}

	static boolean acceptsEventStream(McpHttpRequest request) {
		String accept = request.header("Accept");
		return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/event-stream");
	}

	/**
	 * Rejects a browser request from an origin not on the allow-list (DNS rebinding):
	 * allowed are no {@code Origin}, loopback origins ({@code localhost},
	 * {@code 127.0.0.1}, {@code [::1]}: pages the user's own machine serves) and the
	 * configured origins ({@code *} for all). The {@code Host} header proves nothing
	 * here: a rebound name sends a matching one.
	 */
	@Nullable McpHttpResponse checkOrigin(McpHttpRequest request) {
		String origin = request.header("Origin");
		if (origin == null || this.allowedOrigins.contains("*")) {
			return null;
		}
		String normalized = origin.toLowerCase(Locale.ROOT);
		if (this.allowedOrigins.contains(normalized) || isLoopback(normalized)) {
			return null;
		}
		return error(403, McpException.INVALID_REQUEST, "Forbidden: origin not allowed");
	}

	private static boolean isLoopback(String origin) {
		int scheme = origin.indexOf("://");
		if (scheme < 0) {
			return false;
		}
		String host = origin.substring(scheme + 3);
		int port = host.startsWith("[") ? host.indexOf(']') + 1 : host.indexOf(':');
		host = (port > 0) ? host.substring(0, port) : host;
		return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
	}

}
