package dev.rpcadapter.autoconfigure.registration;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Checks the configured URLs and works out the advertised URL. */
final class RegistrationUrls {

	private static final String PREFIX = "adapter.registration.";

	private RegistrationUrls() {
	}

	/** Checks that a proxy endpoint is an absolute http(s) URL. */
	static URI proxyEndpoint(String property, String value) {
		return parse(property, value, "Set it to the proxy's endpoint, e.g. http://proxy-host:3004/register.");
	}

	/**
	 * Checks an advertised URL: absolute http(s), and not a wildcard address (0.0.0.0,
	 * ::), which a proxy cannot call back.
	 */
	static URI advertised(String value) {
		String action = "Set adapter.registration.advertised-url to the address the proxy reaches this server at, "
				+ "e.g. http://my-host:8080, or leave it empty to derive it from the bound port and this host's address.";
		URI uri = parse(PREFIX + "advertised-url", value, action);
		if (isWildcard(uri.getHost())) {
			throw new InvalidRegistrationConfigurationException(PREFIX + "advertised-url", value,
					"'" + uri.getHost() + "' is a wildcard bind address, not one a proxy can call back.", action);
		}
		return uri;
	}

	/**
	 * An advertised URL built from the bound port: the given host if it is specific (e.g.
	 * {@code server.address}), else this machine's address.
	 */
	static String derive(String scheme, @org.jspecify.annotations.Nullable String host, int port) {
		String chosen = (host == null || host.isBlank() || isWildcard(host)) ? localAddress() : host;
		if (chosen.indexOf(':') >= 0 && !chosen.startsWith("[")) {
			chosen = "[" + chosen + "]";
		}
		return scheme + "://" + chosen + ":" + port;
	}

	private static String localAddress() {
		try {
			return InetAddress.getLocalHost().getHostAddress();
		}
		catch (UnknownHostException ex) {
			return "127.0.0.1";
		}
	}

	static boolean isWildcard(String host) {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		if (bare.equals("0.0.0.0") || bare.equals("*")) {
			return true;
		}
		if (bare.indexOf(':') < 0) {
			return false;
		}
		try {
			return InetAddress.getByName(bare).isAnyLocalAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static URI parse(String property, String value, String action) {
		URI uri;
		try {
			uri = new URI(value.trim());
		}
		catch (URISyntaxException ex) {
			throw new InvalidRegistrationConfigurationException(property, value,
					"It is not a valid URL: " + ex.getReason() + ".", action);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			throw new InvalidRegistrationConfigurationException(property, value,
					"It must be an absolute http:// or https:// URL with a host.", action);
		}
		return uri;
	}

}
