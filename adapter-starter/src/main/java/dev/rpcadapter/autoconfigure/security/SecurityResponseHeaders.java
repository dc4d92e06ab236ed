package dev.rpcadapter.autoconfigure.security;

import java.time.Duration;
import java.util.Map;

import dev.rpcadapter.autoconfigure.web.AdapterRequest;
import dev.rpcadapter.autoconfigure.web.ResponseHeadersCustomizer;

/**
 * Security headers on every adapter response: no sniffing, no framing, no caching of answers that
 * may hold private data, no referrer, and HSTS on TLS connections.
 */
final class SecurityResponseHeaders implements ResponseHeadersCustomizer {

	private final String hsts;

	SecurityResponseHeaders(Duration hstsMaxAge) {
		this.hsts = hstsMaxAge.isZero() ? "" : "max-age=" + hstsMaxAge.toSeconds() + "; includeSubDomains";
	}

	@Override
	public void customize(AdapterRequest request, Map<String, String> headers) {
		headers.put("X-Content-Type-Options", "nosniff");
		headers.put("X-Frame-Options", "DENY");
		headers.put("Content-Security-Policy", "frame-ancestors 'none'");
		headers.put("Cache-Control", "no-store");
		headers.put("Referrer-Policy", "no-referrer");
		if (request.isSecure() && !this.hsts.isEmpty()) {
			headers.put("Strict-Transport-Security", this.hsts);
		}
	}
}
