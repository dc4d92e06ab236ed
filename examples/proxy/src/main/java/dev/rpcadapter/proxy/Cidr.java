package dev.rpcadapter.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address range such as {@code 10.0.0.0/8} or {@code fd00::/8}; a single address
 * without a prefix.
 *
 * @param network the range's first address
 * @param prefix how many leading bits an address must share with it
 */
record Cidr(byte[] network, int prefix) {

	/**
	 * @throws IllegalArgumentException when {@code text} is not an IP address with an
	 * optional /prefix
	 */
	static Cidr parse(String text) {
		String[] parts = text.strip().split("/", 2);
		if (parts[0].isEmpty()
				|| !(parts[0].contains(":") || parts[0].chars().allMatch((c) -> c == '.' || Character.isDigit(c)))) {
			throw new IllegalArgumentException("Not an IP range: '" + text + "'");
		}
		try {
			byte[] network = InetAddress.getByName(parts[0]).getAddress();
			int prefix = (parts.length == 2) ? Integer.parseInt(parts[1]) : network.length * 8;
			if (prefix < 0 || prefix > network.length * 8) {
				throw new IllegalArgumentException("Prefix out of range in '" + text + "'");
			}
			return new Cidr(network, prefix);
		}
		catch (UnknownHostException | NumberFormatException ex) {
			throw new IllegalArgumentException("Not an IP range: '" + text + "'", ex);
		}
	}

	boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length != this.network.length) {
			return false;
		}
		for (int bit = 0; bit < this.prefix; bit++) {
			int mask = 0x80 >>> (bit % 8);
			if ((bytes[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
				return false;
			}
		}
		return true;
	}
}
