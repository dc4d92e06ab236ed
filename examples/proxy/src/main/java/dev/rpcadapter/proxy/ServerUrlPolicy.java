package dev.rpcadapter.proxy;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code server_url} the proxy will call ({@code proxy.server-urls.*}): the URL
 * itself (scheme, host, no user info, query or fragment) and every address its host
 * resolves to. Link-local addresses (169.254.0.0/16 with the cloud metadata endpoint,
 * fe80::/10), wildcard, multicast and the known metadata host names are refused whatever
 * the configuration; loopback only when allowed. The addresses are checked at
 * registration and again on every call ({@link CheckedAddressResolverGroup}), so a host
 * that resolves elsewhere later (DNS rebinding) is not called.
 */
final class ServerUrlPolicy {

	private static final Set<String> METADATA_HOSTS = Set.of("metadata", "metadata.google.internal", "metadata.goog",
			"instance-data", "instance-data.ec2.internal");

	/**
	 * Metadata endpoints outside the link-local ranges: Alibaba Cloud, AWS over IPv6
	 * (fd00:ec2::254).
	 */
	private static final List<Cidr> METADATA_ADDRESSES = List.of(Cidr.parse("100.100.100.200"),
			Cidr.parse("fd00:ec2::254"));

	private final Set<String> schemes;

	private final List<String> hosts;

	private final List<Cidr> networks;

	private final boolean allowLoopback;

	ServerUrlPolicy(ProxyProperties.ServerUrls properties) {
		this.schemes = Set.copyOf(properties.getSchemes().stream().map((s) -> s.toLowerCase(Locale.ROOT)).toList());
		this.hosts = properties.getHosts().stream().map((h) -> h.toLowerCase(Locale.ROOT)).toList();
		this.networks = properties.getNetworks().stream().map(Cidr::parse).toList();
		this.allowLoopback = properties.isAllowLoopback();
	}

	/**
	 * Checks the URL without resolving its host (an IP literal is checked as an address).
	 * @return the URL
	 * @throws RejectedUrlException when it is not allowed, with the reason (for the log
	 * only)
	 */
	URI check(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new RejectedUrlException("not a URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!this.schemes.contains(scheme)) {
			throw new RejectedUrlException("scheme '" + scheme + "' is not in proxy.server-urls.schemes");
		}
		if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new RejectedUrlException("user info, query or fragment");
		}
		String host = host(uri);
		if (METADATA_HOSTS.contains(host)
				|| (!this.hosts.isEmpty() && this.hosts.stream().noneMatch((h) -> hostMatches(h, host)))) {
			throw new RejectedUrlException("host '" + host + "' is not allowed");
		}
		if (isLiteral(host)) {
			checkAddresses(host, resolve(host));
		}
		return uri;
	}

	/** Checks the URL and every address its host resolves to now (blocking: DNS). */
	URI checkResolved(String url) {
		URI uri = check(url);
		String host = host(uri);
		checkAddresses(host, resolve(host));
		return uri;
	}

	/**
	 * @throws RejectedUrlException when one of the addresses is not allowed
	 */
	void checkAddresses(String host, InetAddress[] addresses) {
		for (InetAddress address : addresses) {
			String reason = refusal(address);
			if (reason != null) {
				throw new RejectedUrlException(
						"'" + host + "' resolves to " + address.getHostAddress() + " (" + reason + ")");
			}
		}
	}

	private @org.jspecify.annotations.Nullable String refusal(InetAddress address) {
		if (address.isLinkLocalAddress() || METADATA_ADDRESSES.stream().anyMatch((m) -> m.contains(address))) {
			return "link-local or cloud metadata";
		}
		if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return "wildcard or multicast";
		}
		if (address.isLoopbackAddress() && !this.allowLoopback) {
			return "loopback, see proxy.server-urls.allow-loopback";
		}
		if (!this.networks.isEmpty() && this.networks.stream().noneMatch((n) -> n.contains(address))) {
			return "outside proxy.server-urls.networks";
		}
		return null;
	}

	private static String host(URI uri) {
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			throw new RejectedUrlException("no host");
		}
		host = host.toLowerCase(Locale.ROOT);
		host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	private static boolean hostMatches(String pattern, String host) {
		return pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : pattern.equals(host);
	}

	private static boolean isLiteral(String host) {
		return host.contains(":") || host.chars().allMatch((c) -> c == '.' || Character.isDigit(c));
	}

	static InetAddress[] resolve(String host) {
		try {
			return InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new RejectedUrlException("'" + host + "' does not resolve");
		}
	}

	/**
	 * A server_url the policy refuses; the message is for the proxy's log, not for the
	 * caller.
	 */
	static final class RejectedUrlException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RejectedUrlException(String reason) {
			super(reason, null, false, false);
		}

	}

}
