package dev.rpcadapter.autoconfigure.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

/**
 * An IP address range in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}; a bare
 * address is a range of one).
 *
 * @param network the range's first address
 * @param prefix how many leading bits an address must share with {@code network}
 */
record Cidr(InetAddress network, int prefix) {

	/**
	 * Parses a range.
	 * @throws IllegalArgumentException when the text is not an IP address with an
	 * optional prefix length
	 */
	static Cidr parse(String text) {
		int slash = text.indexOf('/');
		InetAddress network = literal((slash < 0) ? text.strip() : text.substring(0, slash).strip());
		if (network == null) {
			throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
		}
		int bits = network.getAddress().length * 8;
		int prefix = bits;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(text.substring(slash + 1).strip());
			}
			catch (NumberFormatException ex) {
				prefix = -1;
			}
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("'" + text + "' has an invalid prefix length (0.." + bits + ")");
			}
		}
		return new Cidr(network, prefix);
	}

	boolean contains(InetAddress address) {
		byte[] range = this.network.getAddress();
		byte[] candidate = address.getAddress();
		if (range.length != candidate.length) {
			return false;
		}
		for (int bit = 0; bit < this.prefix; bit += 8) {
			int mask = (this.prefix - bit >= 8) ? 0xff : (0xff << (8 - (this.prefix - bit))) & 0xff;
			if (((range[bit / 8] ^ candidate[bit / 8]) & mask) != 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * An IP address literal, without a DNS look-up: {@code null} for anything else (a
	 * host name, {@code unknown}, an obfuscated identifier of RFC 7239). Brackets and an
	 * IPv4 port are removed.
	 */
	static @Nullable InetAddress literal(String text) {
		String value = text;
		if (value.startsWith("[")) {
			int close = value.indexOf(']');
			value = (close > 0) ? value.substring(1, close) : "";
		}
		else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
			value = value.substring(0, value.indexOf(':'));
		}
		if (value.isEmpty() || !isLiteral(value)) {
			return null;
		}
		try {
			return InetAddress.getByName(value);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * Digits and dots (IPv4), or hex digits, dots and colons with at least one colon
	 * (IPv6).
	 */
	private static boolean isLiteral(String value) {
		boolean colon = value.indexOf(':') >= 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean ok = (c >= '0' && c <= '9') || c == '.'
					|| (colon && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
			if (!ok) {
				return false;
			}
		}
		return true;
	}
}
