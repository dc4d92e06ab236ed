package dev.rpcadapter.client;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;

/**
 * Turns low-level I/O and TLS exceptions into {@link RpcTransportException}s whose
 * message says what happened and what to configure.
 */
final class TransportFailures {

	private TransportFailures() {
	}

	/**
	 * @param failure what the HTTP or WebSocket client threw
	 * @param target the URL being called
	 * @return the exception to throw: an {@link RpcException} passes through unchanged
	 */
	static RuntimeException describe(Throwable failure, URI target) {
		Throwable cause = unwrap(failure);
		if (cause instanceof RpcException rpc) {
			return rpc;
		}
		if (cause instanceof RuntimeException && !(cause instanceof java.io.UncheckedIOException)) {
			return (RuntimeException) cause;
		}
		return new RpcTransportException(message(cause, target), cause);
	}

	static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	private static String message(Throwable cause, URI target) {
		String origin = origin(target);
		if (cause instanceof HttpConnectTimeoutException) {
			return "Connecting to " + origin + " timed out (connectTimeout)";
		}
		if (cause instanceof HttpTimeoutException) {
			return "No response from " + target + " within the request timeout (requestTimeout / ADAPTER_HTTP_TIMEOUT)";
		}
		if (find(cause, ConnectException.class) != null) {
			return "Connection to " + origin + " refused or unreachable: is the server running and listening there?";
		}
		SSLException tls = find(cause, SSLException.class);
		if (tls != null) {
			return "TLS handshake with " + origin + " failed: " + tlsReason(tls, target);
		}
		if (isHttps(target)
				&& (find(cause, EOFException.class) != null || describeChain(cause).contains("received no bytes"))) {
			return "Server " + origin + " closed the TLS connection without answering; with TLS 1.3 this is how a "
					+ "server that requires a client certificate (mTLS) rejects a missing or untrusted one — check "
					+ "clientCertificate(...)";
		}
		if (!isHttps(target) && describeChain(cause).contains("received no bytes")) {
			return "Server " + origin + " closed the connection without answering; if it serves HTTPS, use an "
					+ "https:// base URL";
		}
		if (find(cause, ClosedChannelException.class) != null) {
			return "Connection to " + origin + " was closed unexpectedly";
		}
		return "I/O error talking to " + target + ": " + describeChain(cause);
	}

	private static String tlsReason(SSLException tls, URI target) {
		String chain = describeChain(tls).toLowerCase(Locale.ROOT);
		if (find(tls, CertificateExpiredException.class) != null
				|| find(tls, CertificateNotYetValidException.class) != null
				|| chain.contains("validity check failed")) {
			return "server certificate expired or not yet valid";
		}
		if (find(tls, CertPathBuilderException.class) != null || chain.contains("pkix path building failed")
				|| chain.contains("unable to find valid certification path")) {
			return "server certificate not trusted (unknown CA) — configure trustedCa(...) with the CA that issued it";
		}
		if (chain.contains("no subject alternative") || chain.contains("no name matching")) {
			return "server certificate does not match host name '" + target.getHost()
					+ "' (hostname mismatch) — connect with a name listed in the certificate's subjectAltName, or reissue it";
		}
		if (find(tls, CertPathValidatorException.class) != null) {
			return "server certificate chain rejected (" + describeChain(tls) + ")";
		}
		if (chain.contains("certificate_required") || chain.contains("bad_certificate") || chain.contains("unknown_ca")
				|| chain.contains("certificate_unknown")) {
			return "server rejected the client certificate or requires one (mTLS) — configure clientCertificate(...) "
					+ "with a certificate the server trusts";
		}
		if (chain.contains("unsupported or unrecognized ssl message")) {
			return "server did not answer with TLS — is it plain http:// on this port?";
		}
		return describeChain(tls);
	}

	private static boolean isHttps(URI target) {
		String scheme = target.getScheme();
		return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme);
	}

	private static String origin(URI target) {
		return target.getScheme() + "://" + target.getHost() + ((target.getPort() >= 0) ? ":" + target.getPort() : "");
	}

	private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

	private static String describeChain(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable current = failure; current != null && text.length() < 500; current = current.getCause()) {
			if (text.length() > 0) {
				text.append("; caused by ");
			}
			text.append(current.getClass().getSimpleName());
			if (current.getMessage() != null) {
				text.append(": ").append(current.getMessage());
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return text.toString();
	}

}
