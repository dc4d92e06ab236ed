package dev.rpcadapter.autoconfigure;

import dev.rpcadapter.dispatch.JsonRpcDispatcher;

/**
 * Customizes the {@link JsonRpcDispatcher} before it is built (exception mappers,
 * listeners, system methods).
 */
@FunctionalInterface
public interface JsonRpcDispatcherCustomizer {

	void customize(JsonRpcDispatcher.Builder builder);

}
