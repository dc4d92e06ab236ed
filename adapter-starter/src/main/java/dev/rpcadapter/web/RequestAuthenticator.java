package dev.rpcadapter.web;

import java.time.Instant;

import dev.rpcadapter.command.Caller;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Establishes who sends a request to one of the adapter's endpoints, before its body is
 * read. Rejects with an {@link AdapterHttpException} (401, 429, ...). The security module
 * provides one; without it every request is {@link Caller#ANONYMOUS}.
 */
@FunctionalInterface
public interface RequestAuthenticator {

	/** Lets everyone in as {@link Caller#ANONYMOUS}. */
	RequestAuthenticator ANONYMOUS = (request) -> Mono.just(Caller.ANONYMOUS);

	Mono<Caller> authenticate(AdapterRequest request);

	/**
	 * Admits one message on a connection whose upgrade {@link #authenticate
	 * authenticated} the caller (a {@code /ws} frame): the credentials are checked for
	 * what can change after the upgrade (a certificate's validity and revocation, a JWT's
	 * expiry), as on every HTTP request, and limits that count HTTP requests count each
	 * message too.
	 * @param request the upgrade request
	 * @param caller who the upgrade authenticated
	 * @return empty when admitted; an {@link AdapterHttpException} error when refused:
	 * 401 when the credentials are no longer valid (the connection must then be closed),
	 * 429 over a rate limit
	 */
	default Mono<Void> admitMessage(AdapterRequest request, Caller caller) {
		return Mono.empty();
	}

	/**
	 * When the credentials that {@link #authenticate authenticated} this request stop
	 * being valid by time alone: the earliest of a JWT's {@code exp} and a client
	 * certificate's end of validity. A {@code /ws} connection is closed then.
	 * @param request a request this authenticator authenticated
	 * @return the instant, or {@code null} when they do not expire
	 */
	default @Nullable Instant credentialsExpireAt(AdapterRequest request) {
		return null;
	}

}
