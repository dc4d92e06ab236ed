package dev.rpcadapter.mcp;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * The MCP endpoint's answer: a status with headers and either a body or a stream of
 * Server-Sent Events (each element one complete, encoded event).
 *
 * @param status the HTTP status
 * @param headers the response headers, {@code Content-Type} included when there is a body
 * @param body the body (empty for none, or when {@code events} is set)
 * @param events the SSE events of a {@code text/event-stream} answer, or {@code null}
 */
public record McpHttpResponse(int status, Map<String, String> headers, byte[] body, @Nullable Flux<byte[]> events) {

	public McpHttpResponse {
		headers = Map.copyOf(headers);
	}

	public boolean isStream() {
		return this.events != null;
	}
}
