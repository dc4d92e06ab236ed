package dev.rpcadapter.web;

import java.util.Map;

/**
 * A response of one of the adapter's endpoints.
 *
 * @param status the HTTP status
 * @param contentType the content type, or {@code null} for no body
 * @param body the body bytes (empty for no body)
 * @param headers extra headers
 */
public record AdapterResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

	static final String JSON = "application/json";

	static final byte[] EMPTY = new byte[0];

	public static AdapterResponse json(int status, byte[] body) {
		return new AdapterResponse(status, JSON, body, Map.of());
	}

	public static AdapterResponse noContent() {
		return new AdapterResponse(204, "", EMPTY, Map.of());
	}
}
