package dev.rpcadapter.web;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the adapter's security sees of an HTTP request or WebSocket upgrade, before the
 * body is read.
 */
public interface AdapterRequest {

	/** The HTTP method, upper case. */
	String method();

	/** The request path, without query string. */
	String path();

	/** The first value of a header, or {@code null}. */
	@Nullable String header(String name);

	/** The first value of a query parameter, or {@code null}. */
	default @Nullable String queryParameter(String name) {
		return null;
	}

	/**
	 * Every value of a header, in the order the lines came (a proxy may add a line
	 * instead of appending).
	 */
	default List<String> headers(String name) {
		String value = header(name);
		return (value != null) ? List.of(value) : List.of();
	}

	/**
	 * The client's address, if known. With Boot's forwarded-header support on
	 * ({@code server.forward-headers-strategy}) it comes from {@code X-Forwarded-For} /
	 * {@code Forwarded}, which the client can write: use {@link #peerAddress()} for
	 * anything security depends on.
	 */
	@Nullable InetSocketAddress remoteAddress();

	/**
	 * The address of the connection's peer (the socket), never taken from a header;
	 * {@code null} if unknown.
	 */
	default @Nullable InetSocketAddress peerAddress() {
		return remoteAddress();
	}

	/**
	 * The client certificate chain of an mTLS connection (leaf first); empty otherwise.
	 */
	List<X509Certificate> peerCertificates();

	/** Whether the connection is TLS. */
	boolean isSecure();

	/**
	 * The absolute URL the client reached the server at, without a trailing slash
	 * ({@code scheme://host[:port][prefix]}): from the {@code Host} header and the
	 * connection, or from {@code Forwarded} / {@code X-Forwarded-*} headers where the
	 * server honours them ({@code server.forward-headers-strategy=native}).
	 */
	default String baseUrl() {
		String host = header("Host");
		return (isSecure() ? "https://" : "http://") + ((host != null && !host.isBlank()) ? host : "localhost");
	}

	/**
	 * A value kept with the connection this request arrived on, one per type: what a
	 * keep-alive connection's earlier requests established (e.g. who authenticated on it
	 * with which credentials). {@code null} when nothing was kept, or the transport keeps
	 * nothing.
	 * @param type the type of the value, which is also its key
	 * @param <T> the value's type
	 * @return the value, or {@code null}
	 */
	default <T> @Nullable T connectionAttribute(Class<T> type) {
		return null;
	}

	/**
	 * Keeps a value with this request's connection, replacing one of the same type (a
	 * no-op where the transport keeps nothing). Several requests of a connection may read
	 * and write concurrently (HTTP/2): values must be immutable and a lost update must be
	 * harmless.
	 * @param type the type of the value, which is also its key
	 * @param value the value
	 * @param <T> the value's type
	 */
	default <T> void connectionAttribute(Class<T> type, T value) {
	}

}
