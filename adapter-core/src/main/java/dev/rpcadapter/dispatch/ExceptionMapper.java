package dev.rpcadapter.dispatch;

import dev.rpcadapter.jsonrpc.JsonRpcError;
import org.jspecify.annotations.Nullable;

/**
 * Maps an exception thrown by a command to a JSON-RPC error; returns {@code null} for
 * "not mine", so mappers compose. Unmapped exceptions become {@code -32603} with an
 * {@code error_id}.
 */
@FunctionalInterface
public interface ExceptionMapper {

	@Nullable JsonRpcError map(Throwable exception);

}
