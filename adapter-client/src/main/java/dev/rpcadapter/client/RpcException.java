package dev.rpcadapter.client;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the client throws for a failed call: errors answered by the
 * server ({@link RpcErrorException}), failures to reach it
 * ({@link RpcTransportException}), malformed answers ({@link RpcProtocolException}) and
 * job outcomes ({@link JobFailedException}, {@link JobStoppedException},
 * {@link JobTimeoutException}).
 */
public class RpcException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public RpcException(String message) {
		super(message);
	}

	public RpcException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
