package dev.rpcadapter.proxy;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;

import dev.rpcadapter.web.AdapterRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.SslInfo;

/**
 * What the adapter's {@code RequestAuthenticator} sees of a request to one of the proxy's
 * WebFlux routes.
 */
final class WebFluxAdapterRequest implements AdapterRequest {

	private final ServerHttpRequest request;

	WebFluxAdapterRequest(ServerHttpRequest request) {
		this.request = request;
	}

	@Override
	public String method() {
		return this.request.getMethod().name();
	}

	@Override
	public String path() {
		return this.request.getPath().pathWithinApplication().value();
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.getHeaders().getFirst(name);
	}

	@Override
	public @Nullable InetSocketAddress remoteAddress() {
		return this.request.getRemoteAddress();
	}

	@Override
	public List<X509Certificate> peerCertificates() {
		SslInfo ssl = this.request.getSslInfo();
		X509Certificate[] chain = (ssl != null) ? ssl.getPeerCertificates() : null;
		return (chain != null) ? List.of(chain) : List.of();
	}

	@Override
	public boolean isSecure() {
		return this.request.getSslInfo() != null;
	}

}
