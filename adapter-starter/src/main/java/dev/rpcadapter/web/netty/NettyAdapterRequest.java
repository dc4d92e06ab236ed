package dev.rpcadapter.web.netty;

import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import io.netty.channel.Channel;
import io.netty.channel.ServerChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;
import dev.rpcadapter.web.AdapterRequest;

/**
 * An {@link AdapterRequest} over a Reactor Netty request; the TLS session is looked up
 * lazily.
 */
final class NettyAdapterRequest implements AdapterRequest {

	private final HttpServerRequest request;

	/** Resolved on first use, with {@link #ssl}. */
	private @Nullable Channel connection;

	private @Nullable SslHandler ssl;

	private final String path;

	/**
	 * @param request the request
	 * @param path the path of the route that matched it
	 */
	NettyAdapterRequest(HttpServerRequest request, String path) {
		this.request = request;
		this.path = path;
	}

	@Override
	public String method() {
		return this.request.method().name();
	}

	@Override
	public @Nullable String queryParameter(String name) {
		java.util.List<String> values = new io.netty.handler.codec.http.QueryStringDecoder(this.request.uri())
			.parameters()
			.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	@Override
	public String path() {
		return this.path;
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.requestHeaders().get(name);
	}

	/**
	 * Reactor Netty's connection info: it applies forwarded headers when Boot enables
	 * them (native strategy).
	 */
	@Override
	public String baseUrl() {
		String scheme = this.request.scheme();
		String host = this.request.hostName();
		int port = this.request.hostPort();
		StringBuilder url = new StringBuilder(scheme).append("://");
		url.append((host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host);
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		if (port > 0 && !defaultPort) {
			url.append(':').append(port);
		}
		String prefix = this.request.forwardedPrefix();
		if (prefix != null && !prefix.isEmpty()) {
			url.append(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
		}
		return url.toString();
	}

	@Override
	public @Nullable InetSocketAddress remoteAddress() {
		return this.request.remoteAddress();
	}

	@Override
	public List<String> headers(String name) {
		return this.request.requestHeaders().getAll(name);
	}

	@Override
	public @Nullable InetSocketAddress peerAddress() {
		return (this.request.connectionRemoteAddress() instanceof InetSocketAddress address) ? address : null;
	}

	@Override
	public List<X509Certificate> peerCertificates() {
		SslHandler handler = sslHandler();
		if (handler == null) {
			return List.of();
		}
		SSLSession session = handler.engine().getSession();
		// the chain is read once per TLS session and kept on the connection: every
		// request on a
		// keep-alive connection gets the same certificate objects without converting them
		// again
		PeerChain known = connectionAttribute(PeerChain.class);
		if (known != null && known.session() == session) {
			return known.chain();
		}
		List<X509Certificate> chain = readChain(session);
		connectionAttribute(PeerChain.class, new PeerChain(session, chain));
		return chain;
	}

	@Override
	public <T> @Nullable T connectionAttribute(Class<T> type) {
		Channel channel = connection();
		return (channel != null) ? type.cast(channel.attr(attributeKey(type)).get()) : null;
	}

	@Override
	public <T> void connectionAttribute(Class<T> type, T value) {
		Channel channel = connection();
		if (channel != null) {
			channel.attr(attributeKey(type)).set(type.cast(value));
		}
	}

	private static AttributeKey<Object> attributeKey(Class<?> type) {
		return ATTRIBUTE_KEYS.get(type);
	}

	private static final ClassValue<AttributeKey<Object>> ATTRIBUTE_KEYS = new ClassValue<>() {

		@Override
		protected AttributeKey<Object> computeValue(Class<?> type) {
			return AttributeKey.valueOf(NettyAdapterRequest.class, type.getName());
		}
	};

	/** The connection's channel (for an HTTP/2 stream, its parent). */
	private @Nullable Channel connection() {
		resolveConnection();
		return this.connection;
	}

	private static List<X509Certificate> readChain(SSLSession session) {
		try {
			List<X509Certificate> chain = new ArrayList<>();
			for (Certificate certificate : session.getPeerCertificates()) {
				if (certificate instanceof X509Certificate x509) {
					chain.add(x509);
				}
			}
			return List.copyOf(chain);
		}
		catch (SSLPeerUnverifiedException ex) {
			return List.of();
		}
	}

	/** The verified client chain of one TLS session. */
	private record PeerChain(SSLSession session, List<X509Certificate> chain) {
	}

	@Override
	public boolean isSecure() {
		return sslHandler() != null;
	}

	private @Nullable SslHandler sslHandler() {
		resolveConnection();
		return this.ssl;
	}

	private void resolveConnection() {
		if (this.connection != null) {
			return;
		}
		this.request.withConnection((connection) -> {
			Channel channel = connection.channel();
			Channel parent = channel.parent();
			// an HTTP/2 stream's parent is its connection; an HTTP/1.1 connection's
			// parent is the server socket
			Channel holder = (parent != null && !(parent instanceof ServerChannel)) ? parent : channel;
			this.ssl = holder.pipeline().get(SslHandler.class);
			this.connection = holder;
		});
	}

}
