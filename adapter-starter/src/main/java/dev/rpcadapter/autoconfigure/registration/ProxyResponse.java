package dev.rpcadapter.autoconfigure.registration;

import java.util.Locale;

/**
 * The proxy's answer to one request.
 *
 * @param status the HTTP status
 * @param body the body as text (possibly empty)
 */
record ProxyResponse(int status, String body) {

	boolean isSuccess() {
		return this.status >= 200 && this.status < 300;
	}

	/**
	 * Whether the proxy says it already has this server: HTTP 409, or a 4xx whose body
	 * says "already registered" (the Python MCP-Proxy answers 400 so). It counts as
	 * success, never as a reason to retry.
	 */
	boolean isAlreadyRegistered() {
		if (this.status == 409) {
			return true;
		}
		return this.status >= 400 && this.status < 500
				&& this.body.toLowerCase(Locale.ROOT).contains("already registered");
	}

	boolean isNotFound() {
		return this.status == 404;
	}

	/** A short client-safe description for the state's {@code last_error}. */
	String describe() {
		String excerpt = this.body.length() > 200 ? this.body.substring(0, 200) + "…" : this.body;
		return "HTTP " + this.status + (excerpt.isBlank() ? "" : ": " + excerpt.strip());
	}
}
