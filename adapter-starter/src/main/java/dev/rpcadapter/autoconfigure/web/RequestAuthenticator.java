package dev.rpcadapter.autoconfigure.web;

import dev.rpcadapter.command.Caller;
import reactor.core.publisher.Mono;

/**
 * Establishes who sends a request to one of the adapter's endpoints, before its body is read.
 * Rejects with an {@link AdapterHttpException} (401, 429, ...). The security module provides one;
 * without it every request is {@link Caller#ANONYMOUS}.
 */
@FunctionalInterface
public interface RequestAuthenticator {

	/** Lets everyone in as {@link Caller#ANONYMOUS}. */
	RequestAuthenticator ANONYMOUS = (request) -> Mono.just(Caller.ANONYMOUS);

	Mono<Caller> authenticate(AdapterRequest request);
}
