package dev.rpcadapter.web;

import java.util.LinkedHashMap;
import java.util.List;
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

	/**
	 * The headers every transport writes: {@code Content-Type} (when there is a body),
	 * {@code X-Content-Type-Options}, this response's own, then those of the customizers,
	 * in order.
	 */
	public Map<String, String> allHeaders(AdapterRequest request, List<ResponseHeadersCustomizer> customizers) {
		Map<String, String> all = new LinkedHashMap<>();
		if (!this.contentType.isEmpty()) {
			all.put("Content-Type", this.contentType);
		}
		all.put("X-Content-Type-Options", "nosniff");
		all.putAll(this.headers);
		for (ResponseHeadersCustomizer customizer : customizers) {
			customizer.customize(request, all);
		}
		return all;
	}
}
