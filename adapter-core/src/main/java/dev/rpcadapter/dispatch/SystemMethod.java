package dev.rpcadapter.dispatch;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** A method in the reserved {@code rpc.} namespace, such as {@code rpc.discover}. */
@FunctionalInterface
public interface SystemMethod {

	Mono<Object> call(@Nullable JsonNode params, CallContext context);

}
