package dev.rpcadapter.autoconfigure.web;

import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;

/** An {@link AdapterRequest} over a Reactor Netty request; the TLS session is looked up lazily. */
final class NettyAdapterRequest implements AdapterRequest {

	private final HttpServerRequest request;

	private @Nullable SslHandler ssl;

	private boolean sslResolved;

	NettyAdapterRequest(HttpServerRequest request) {
		this.request = request;
	}

	@Override
	public String method() {
		return this.request.method().name();
	}

	@Override
	public String path() {
		return "/" + this.request.path();
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.requestHeaders().get(name);
	}

	@Override
	public @Nullable InetSocketAddress remoteAddress() {
		return this.request.remoteAddress();
	}

	@Override
	public List<X509Certificate> peerCertificates() {
		SslHandler handler = sslHandler();
		if (handler == null) {
			return List.of();
		}
		SSLSession session = handler.engine().getSession();
		try {
			List<X509Certificate> chain = new ArrayList<>();
			for (Certificate certificate : session.getPeerCertificates()) {
				if (certificate instanceof X509Certificate x509) {
					chain.add(x509);
				}
			}
			return chain;
		}
		catch (SSLPeerUnverifiedException ex) {
			return List.of();
		}
	}

	@Override
	public boolean isSecure() {
		return sslHandler() != null;
	}

	private @Nullable SslHandler sslHandler() {
		if (!this.sslResolved) {
			this.request.withConnection((connection) -> {
				Channel channel = connection.channel();
				SslHandler handler = channel.pipeline().get(SslHandler.class);
				if (handler == null && channel.parent() != null) {
					handler = channel.parent().pipeline().get(SslHandler.class);
				}
				this.ssl = handler;
			});
			this.sslResolved = true;
		}
		return this.ssl;
	}
}
