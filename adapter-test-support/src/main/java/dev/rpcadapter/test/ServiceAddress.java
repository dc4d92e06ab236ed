package dev.rpcadapter.test;

/**
 * Where a service the tests use listens.
 *
 * @param host the host name or address
 * @param port the TCP port
 * @param source where it came from, for the log
 */
public record ServiceAddress(String host, int port, String source) {

	/** Parses {@code host:port}. */
	static ServiceAddress parse(String hostAndPort, String source) {
		int colon = hostAndPort.lastIndexOf(':');
		if (colon <= 0 || colon == hostAndPort.length() - 1) {
			throw new IllegalArgumentException("Expected host:port but got '" + hostAndPort + "' (" + source + ")");
		}
		return new ServiceAddress(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)),
				source);
	}

}
