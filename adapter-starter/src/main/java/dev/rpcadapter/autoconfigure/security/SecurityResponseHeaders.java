package dev.rpcadapter.autoconfigure.security;

import java.time.Duration;
import java.util.Map;

import dev.rpcadapter.web.AdapterRequest;
import dev.rpcadapter.web.ResponseHeadersCustomizer;

/**
 * Security headers on every adapter response: no sniffing, no caching of answers that may
 * hold private data, HSTS on TLS connections; and on anything but JSON answers (the
 * {@code /docs} page) no framing and no referrer.
 */
final class SecurityResponseHeaders implements ResponseHeadersCustomizer {

	private final String hsts;

	SecurityResponseHeaders(Duration hstsMaxAge) {
		this.hsts = hstsMaxAge.isZero() ? "" : "max-age=" + hstsMaxAge.toSeconds() + "; includeSubDomains";
	}

	@Override
	public void customize(AdapterRequest request, Map<String, String> headers) {
		headers.put("X-Content-Type-Options", "nosniff");
		headers.put("Cache-Control", "no-store");
		String type = headers.getOrDefault("Content-Type", "");
		if (!type.startsWith("application/json")) {
			// framing and referrer rules matter for pages a browser renders (/docs), not
			// for JSON answers
			headers.put("X-Frame-Options", "DENY");
			headers.put("Content-Security-Policy", "frame-ancestors 'none'");
			headers.put("Referrer-Policy", "no-referrer");
		}
		if (request.isSecure() && !this.hsts.isEmpty()) {
			headers.put("Strict-Transport-Security", this.hsts);
		}
	}

}
