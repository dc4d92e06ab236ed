package dev.rpcadapter.web.servlet;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.rpcadapter.web.AdapterRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * What a servlet request showed, copied: a {@code /ws} session reads its upgrade request
 * for every message (credentials re-checked, rate limits), long after the container
 * recycled it.
 */
record RequestSnapshot(String method, String path, Map<String, List<String>> headerLines, Map<String, String> query,
		@Nullable InetSocketAddress remoteAddress, List<X509Certificate> peerCertificates, boolean isSecure,
		String baseUrl) implements AdapterRequest {

	static RequestSnapshot of(ServletAdapterRequest request) {
		HttpServletRequest servlet = request.servletRequest();
		Map<String, List<String>> headers = new HashMap<>();
		for (String name : Collections.list(servlet.getHeaderNames())) {
			headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), (key) -> new ArrayList<>())
				.addAll(Collections.list(servlet.getHeaders(name)));
		}
		Map<String, String> query = new HashMap<>();
		servlet.getParameterMap().forEach((name, values) -> {
			if (values.length > 0) {
				query.put(name, values[0]);
			}
		});
		return new RequestSnapshot(request.method(), request.path(), Map.copyOf(headers), Map.copyOf(query),
				request.remoteAddress(), request.peerCertificates(), request.isSecure(), request.baseUrl());
	}

	@Override
	public @Nullable String header(String name) {
		List<String> values = this.headerLines.get(name.toLowerCase(Locale.ROOT));
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	@Override
	public List<String> headers(String name) {
		return this.headerLines.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
	}

	@Override
	public @Nullable String queryParameter(String name) {
		return this.query.get(name);
	}
}
