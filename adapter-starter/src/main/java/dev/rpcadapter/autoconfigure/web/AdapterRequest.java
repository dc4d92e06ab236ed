package dev.rpcadapter.autoconfigure.web;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the adapter's security sees of an HTTP request or WebSocket upgrade, before the body is read. */
public interface AdapterRequest {

	/** The HTTP method, upper case. */
	String method();

	/** The request path, without query string. */
	String path();

	/** The first value of a header, or {@code null}. */
	@Nullable String header(String name);

	/** The client's address, if known. */
	@Nullable InetSocketAddress remoteAddress();

	/** The client certificate chain of an mTLS connection (leaf first); empty otherwise. */
	List<X509Certificate> peerCertificates();

	/** Whether the connection is TLS. */
	boolean isSecure();
}
