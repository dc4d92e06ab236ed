package dev.rpcadapter.web;

import java.util.Map;

import dev.rpcadapter.jsonrpc.JsonRpcError;

/**
 * Rejects a request before dispatch with an HTTP status and a JSON-RPC error body
 * ({@code id: null}).
 */
public class AdapterHttpException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final transient JsonRpcError error;

	private final Map<String, String> headers;

	public AdapterHttpException(int status, JsonRpcError error) {
		this(status, error, Map.of());
	}

	public AdapterHttpException(int status, JsonRpcError error, Map<String, String> headers) {
		super(error.message(), null, false, false);
		this.status = status;
		this.error = error;
		this.headers = Map.copyOf(headers);
	}

	public int status() {
		return this.status;
	}

	public JsonRpcError error() {
		return this.error;
	}

	public Map<String, String> headers() {
		return this.headers;
	}

}
