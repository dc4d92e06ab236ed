package dev.rpcadapter.autoconfigure.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import dev.rpcadapter.web.AdapterRequest;
import org.jspecify.annotations.Nullable;

/**
 * The client address that rate limits are keyed on. It is the connection's peer, never an
 * address a client can write into a header, unless the peer is one of the trusted
 * proxies: then {@code X-Forwarded-For} is read from the right (the entries the trusted
 * proxies appended) to the first address that is not a trusted proxy. IPv6 addresses
 * count per /64, the smallest block a single subscriber usually gets, so rotating
 * addresses within it gains nothing.
 */
final class ClientAddresses {

	private static final int IPV6_KEPT_BYTES = 8;

	private final List<Cidr> trustedProxies;

	ClientAddresses(List<Cidr> trustedProxies) {
		this.trustedProxies = List.copyOf(trustedProxies);
	}

	/**
	 * @return the client's address ({@code 203.0.113.7}, {@code 2001:db8:1:2:0:0:0:0/64})
	 * or {@code unknown}
	 */
	String key(AdapterRequest request) {
		InetAddress client = client(request);
		return (client != null) ? aggregate(client) : "unknown";
	}

	private @Nullable InetAddress client(AdapterRequest request) {
		InetSocketAddress peer = request.peerAddress();
		InetAddress current = (peer != null) ? peer.getAddress() : null;
		if (current == null || this.trustedProxies.isEmpty() || !trusted(current)) {
			return current;
		}
		List<String> lines = request.headers("X-Forwarded-For");
		if (lines.isEmpty()) {
			return current;
		}
		// one list over every header line: a proxy that adds a line of its own (HAProxy)
		// appends, too
		String[] hops = String.join(",", lines).split(",");
		for (int i = hops.length - 1; i >= 0 && trusted(current); i--) {
			InetAddress hop = Cidr.literal(hops[i].strip());
			if (hop == null) {
				// not an address: what is left of the header is not trustworthy either
				break;
			}
			current = hop;
		}
		return current;
	}

	private boolean trusted(InetAddress address) {
		for (Cidr proxy : this.trustedProxies) {
			if (proxy.contains(address)) {
				return true;
			}
		}
		return false;
	}

	static String aggregate(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address.getHostAddress();
		}
		byte[] bytes = address.getAddress();
		java.util.Arrays.fill(bytes, IPV6_KEPT_BYTES, bytes.length, (byte) 0);
		try {
			return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
