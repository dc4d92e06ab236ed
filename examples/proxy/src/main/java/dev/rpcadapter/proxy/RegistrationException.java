package dev.rpcadapter.proxy;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refused call to the proxy's registration API: the HTTP status and the body's
 * {@code error_code} and {@code error}. The message is written for the caller; it never
 * carries exception text.
 */
final class RegistrationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	private final String code;

	private final Map<String, String> headers;

	RegistrationException(HttpStatus status, String code, String message) {
		this(status, code, message, Map.of());
	}

	RegistrationException(HttpStatus status, String code, String message, Map<String, String> headers) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.headers = Map.copyOf(headers);
	}

	/** Response headers (WWW-Authenticate, Retry-After). */
	Map<String, String> headers() {
		return this.headers;
	}

	HttpStatus status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	static RegistrationException ownedByAnother(String serverId) {
		return new RegistrationException(HttpStatus.FORBIDDEN, "SERVER_OWNED_BY_ANOTHER",
				"'" + serverId + "' is registered by another identity");
	}

}
