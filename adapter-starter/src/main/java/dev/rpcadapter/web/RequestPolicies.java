package dev.rpcadapter.web;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import org.jspecify.annotations.Nullable;

/**
 * Defences against cross-site requests from browsers that hold the caller's credentials
 * (client certificates, tokens a page can reach): POST bodies must be declared JSON,
 * which a cross-site page can only send after a CORS preflight the adapter never grants;
 * a WebSocket upgrade must come from an allowed {@code Origin}.
 */
public final class RequestPolicies {

	/** The answer to a POST body that is not declared JSON (415). */
	public static final AdapterHttpException NOT_JSON = new AdapterHttpException(415,
			JsonRpcError.invalidRequest("Content-Type must be application/json"));

	/** The answer to a WebSocket upgrade from an origin that is not allowed (403). */
	public static final AdapterHttpException ORIGIN_NOT_ALLOWED = new AdapterHttpException(403,
			JsonRpcError.of(ErrorCodes.PERMISSION_DENIED, "Origin not allowed (adapter.security.allowed-origins)"));

	/** The media types a POST endpoint accepts, parameters (charset) aside. */
	private static final Set<String> JSON_TYPES = Set.of("application/json", "application/json-rpc");

	private final Set<String> allowedOrigins;

	private final boolean anyOrigin;

	/**
	 * @param allowedOrigins origins ({@code scheme://host[:port]}) allowed besides the
	 * server's own; {@code *} allows any
	 */
	public RequestPolicies(Collection<String> allowedOrigins) {
		this.anyOrigin = allowedOrigins.contains("*");
		this.allowedOrigins = allowedOrigins.stream().map(RequestPolicies::normalize).collect(Collectors.toSet());
	}

	/**
	 * Whether a POST body with this {@code Content-Type} is read:
	 * {@code application/json} (or {@code application/json-rpc}).
	 */
	public static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		int semicolon = contentType.indexOf(';');
		String type = (semicolon >= 0) ? contentType.substring(0, semicolon) : contentType;
		return JSON_TYPES.contains(type.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * Whether a WebSocket upgrade may proceed: no {@code Origin} (not a browser), the
	 * server's own origin (the scheme and {@code Host} of the request), or one of the
	 * allowed origins.
	 */
	public boolean allowsOrigin(AdapterRequest request) {
		String origin = request.header("Origin");
		if (origin == null || this.anyOrigin) {
			return true;
		}
		String normalized = normalize(origin);
		if (this.allowedOrigins.contains(normalized)) {
			return true;
		}
		String host = request.header("Host");
		return host != null && normalized.equals(normalize((request.isSecure() ? "https://" : "http://") + host));
	}

	private static String normalize(String origin) {
		String value = origin.strip().toLowerCase(Locale.ROOT);
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

}
