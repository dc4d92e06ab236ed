package dev.rpcadapter.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Outcome of one call in a batch: a result or an error, never both.
 *
 * @param method the method that was called
 * @param result the result when successful (may be a JSON {@code null} node), else
 * {@code null}
 * @param error the error when failed, else {@code null}
 */
public record RpcResult(String method, @Nullable JsonNode result, @Nullable RpcError error) {

	public RpcResult {
		if ((result == null) == (error == null)) {
			throw new IllegalArgumentException("Exactly one of result and error must be set");
		}
	}

	/**
	 * @return whether the call succeeded
	 */
	public boolean isSuccess() {
		return this.error == null;
	}

	/**
	 * @return the result
	 * @throws RpcErrorException (or a subclass for its code) if the call failed
	 */
	public JsonNode get() {
		if (this.error != null) {
			throw RpcErrorException.of(this.error, 200, null);
		}
		return Objects.requireNonNull(this.result, "a call without an error has a result");
	}

}
