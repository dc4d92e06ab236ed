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

	/**
	 * Admits one message on a connection whose upgrade {@link #authenticate authenticated} the
	 * caller (a {@code /ws} frame): limits that count HTTP requests count each message too.
	 * @param request the upgrade request
	 * @param caller who the upgrade authenticated
	 * @return empty when admitted; an {@link AdapterHttpException} error when refused (429 over a rate limit)
	 */
	default Mono<Void> admitMessage(AdapterRequest request, Caller caller) {
		return Mono.empty();
	}
}
