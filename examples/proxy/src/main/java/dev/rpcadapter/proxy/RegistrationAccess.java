package dev.rpcadapter.proxy;

import dev.rpcadapter.web.AdapterHttpException;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.command.Caller;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Who may use the proxy's registration API: the adapter's own
 * {@link RequestAuthenticator} (client certificate, API token, JWT, rate limits; the same
 * as on {@code /api/jsonrpc}) establishes the caller, and its roles must allow a
 * pseudo-command in {@code adapter.security.roles}: {@code proxy.register-permission}
 * ({@code proxy_register}) to register, send heartbeats and unregister,
 * {@code list_servers} to list.
 */
final class RegistrationAccess {

	private static final Logger logger = LoggerFactory.getLogger(RegistrationAccess.class);

	/**
	 * The permission of {@code GET /list} and {@code /servers}: the same as the
	 * {@code list_servers} command.
	 */
	static final String LIST_PERMISSION = "list_servers";

	private final RequestAuthenticator authenticator;

	private final CommandAuthorizer authorizer;

	private final String registerPermission;

	private final boolean allowAnonymous;

	RegistrationAccess(RequestAuthenticator authenticator, CommandAuthorizer authorizer, ProxyProperties properties) {
		this.authenticator = authenticator;
		this.authorizer = authorizer;
		this.registerPermission = properties.getRegisterPermission();
		this.allowAnonymous = properties.isAllowAnonymousRegistration();
	}

	/**
	 * The caller that may register, send heartbeats and unregister, or a
	 * {@link RegistrationException}.
	 */
	Mono<Caller> registrar(ServerRequest request) {
		return caller(request, this.registerPermission).doOnNext((caller) -> {
			if (!this.allowAnonymous && Caller.ANONYMOUS.equals(caller)) {
				logger.warn("Refused an anonymous {} {}: security is off and proxy.allow-anonymous-registration "
						+ "is false", request.method(), request.path());
				throw new RegistrationException(HttpStatus.UNAUTHORIZED, "AUTHENTICATION_REQUIRED",
						"Authentication required");
			}
		});
	}

	/** The caller that may list the servers, or a {@link RegistrationException}. */
	Mono<Caller> lister(ServerRequest request) {
		return caller(request, LIST_PERMISSION);
	}

	private Mono<Caller> caller(ServerRequest request, String permission) {
		return this.authenticator.authenticate(new WebFluxAdapterRequest(request.exchange().getRequest()))
			.onErrorMap(AdapterHttpException.class, RegistrationAccess::rejected)
			.doOnNext((caller) -> {
				if (!this.authorizer.isAllowed(caller, permission)) {
					logger.warn("Refused {} {} to '{}': its roles do not allow '{}'", request.method(), request.path(),
							caller.principal(), permission);
					throw new RegistrationException(HttpStatus.FORBIDDEN, "PERMISSION_DENIED",
							"Permission denied: '" + permission + "' is not allowed for your roles");
				}
			});
	}

	private static RegistrationException rejected(AdapterHttpException ex) {
		HttpStatus status = HttpStatus.valueOf(ex.status());
		String code = switch (ex.status()) {
			case 401 -> "AUTHENTICATION_REQUIRED";
			case 429 -> "RATE_LIMITED";
			default -> "REQUEST_REJECTED";
		};
		return new RegistrationException(status, code, ex.error().message(), ex.headers());
	}

}
