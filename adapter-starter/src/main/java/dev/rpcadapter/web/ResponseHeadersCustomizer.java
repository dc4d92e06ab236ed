package dev.rpcadapter.web;

import java.util.Map;

/**
 * Adds headers to every response of the adapter's HTTP endpoints (rejections included),
 * e.g. security headers. Beans of this type are applied in order; a header already set by
 * the endpoint may be overwritten.
 */
@FunctionalInterface
public interface ResponseHeadersCustomizer {

	/**
	 * Adds or replaces headers of a response.
	 * @param request the request being answered
	 * @param headers the response headers so far (with {@code Content-Type} when there is
	 * a body), mutable
	 */
	void customize(AdapterRequest request, Map<String, String> headers);

}
