package dev.rpcadapter.client;

import org.jspecify.annotations.Nullable;

/**
 * The server could not be reached or did not answer with JSON-RPC: connection refused,
 * TLS handshake failure (unknown CA, hostname mismatch, client certificate rejected),
 * timeout, or an unexpected HTTP status. The message says what happened and, where
 * possible, what to configure.
 */
public class RpcTransportException extends RpcException {

	private static final long serialVersionUID = 1L;

	public RpcTransportException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
