package dev.rpcadapter.web.servlet;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

import dev.rpcadapter.web.AdapterRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AdapterRequest} over an {@link HttpServletRequest}. Valid while the exchange
 * lasts (the container recycles the request after it): what outlives it, a {@code /ws}
 * session or an {@code /api/async} call, gets a {@link #snapshot()}.
 */
final class ServletAdapterRequest implements AdapterRequest {

	/**
	 * The attribute under which a servlet container puts the client's certificate chain.
	 */
	static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

	private final HttpServletRequest request;

	private final String path;

	private @Nullable InetSocketAddress remoteAddress;

	ServletAdapterRequest(HttpServletRequest request, String path) {
		this.request = request;
		this.path = path;
	}

	@Override
	public String method() {
		return this.request.getMethod();
	}

	@Override
	public String path() {
		return this.path;
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.getHeader(name);
	}

	@Override
	public List<String> headers(String name) {
		return Collections.list(this.request.getHeaders(name));
	}

	@Override
	public @Nullable String queryParameter(String name) {
		return this.request.getParameter(name);
	}

	/**
	 * The client's address; with Boot's {@code native} forwarded-header strategy Tomcat
	 * takes it from the headers.
	 */
	@Override
	public @Nullable InetSocketAddress remoteAddress() {
		if (this.remoteAddress == null) {
			this.remoteAddress = address(this.request.getRemoteAddr(), this.request.getRemotePort());
		}
		return this.remoteAddress;
	}

	@Override
	public List<X509Certificate> peerCertificates() {
		Object chain = this.request.getAttribute(CERTIFICATES);
		return (chain instanceof X509Certificate[] certificates) ? List.of(certificates) : List.of();
	}

	@Override
	public boolean isSecure() {
		return this.request.isSecure();
	}

	/**
	 * Scheme, host and port as the container sees them (forwarded headers applied where
	 * enabled), plus the context path.
	 */
	@Override
	public String baseUrl() {
		String scheme = this.request.getScheme();
		String host = this.request.getServerName();
		int port = this.request.getServerPort();
		StringBuilder url = new StringBuilder(scheme).append("://");
		url.append((host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host);
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		if (port > 0 && !defaultPort) {
			url.append(':').append(port);
		}
		return url.append(this.request.getContextPath()).toString();
	}

	/** A copy that stays readable after the exchange has ended. */
	AdapterRequest snapshot() {
		return RequestSnapshot.of(this);
	}

	HttpServletRequest servletRequest() {
		return this.request;
	}

	/**
	 * An address from the literal IP the container reports (no name lookup), or
	 * {@code null}.
	 */
	static @Nullable InetSocketAddress address(@Nullable String literal, int port) {
		if (literal == null || literal.isEmpty() || !isIpLiteral(literal)) {
			return null;
		}
		try {
			return new InetSocketAddress(InetAddress.getByName(literal), Math.max(port, 0));
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static boolean isIpLiteral(String value) {
		if (value.indexOf(':') >= 0) {
			return true; // IPv6
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '.' && (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

}
