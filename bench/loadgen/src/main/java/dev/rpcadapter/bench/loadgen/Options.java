package dev.rpcadapter.bench.loadgen;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to drive and for how long, from {@code --name value} arguments.
 *
 * @param url the JSON-RPC endpoint ({@code http://} or {@code https://})
 * @param connections concurrent keep-alive connections, one request in flight on each
 * @param threads event-loop threads of the driver
 * @param warmup how long to drive before measuring
 * @param duration how long to measure
 * @param headers extra request headers ({@code X-API-Key: ...})
 * @param caCertificate PEM CA the server certificate must chain to (https only)
 * @param clientCertificate PEM client certificate to present (https only, optional)
 * @param clientKey PEM (PKCS#8) key of the client certificate
 * @param rate requests per second over all connections, paced; 0 as fast as the server
 * answers
 * @param interval also report each interval of the measured time (a soak's minutes); zero
 * for none
 */
record Options(URI url, int connections, int threads, Duration warmup, Duration duration, Map<String, String> headers,
		Path caCertificate, Path clientCertificate, Path clientKey, double rate, Duration interval) {

	static final String USAGE = """
			Usage: java -jar loadgen.jar --url URL [options]
			  --url URL            JSON-RPC endpoint, http:// or https://
			  --connections N      keep-alive connections, one request in flight each (default 64)
			  --threads N          driver event-loop threads (default 2)
			  --warmup SECONDS     driven but not measured (default 20)
			  --duration SECONDS   measured (default 20)
			  --header 'Name: v'   extra header (repeatable), e.g. 'X-API-Key: secret'
			  --ca FILE            PEM CA certificate to trust (https)
			  --cert FILE          PEM client certificate to present (https, mutual TLS)
			  --key FILE           PEM PKCS#8 private key of --cert
			  --rate N             requests per second over all connections, paced (default 0: as fast as answered)
			  --interval SECONDS   also print an INTERVAL line per interval of the measured time (default 0: none)
			""";

	static Options parse(String... args) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
			}
			values.computeIfAbsent(args[i].substring(2), (k) -> new ArrayList<>()).add(args[i + 1]);
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (String header : values.getOrDefault("header", List.of())) {
			int colon = header.indexOf(':');
			if (colon < 1) {
				throw new IllegalArgumentException("--header must be 'Name: value', got '" + header + "'");
			}
			headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
		}
		String url = one(values, "url", null);
		if (url == null) {
			throw new IllegalArgumentException("--url is required");
		}
		Options options = new Options(URI.create(url), Integer.parseInt(one(values, "connections", "64")),
				Integer.parseInt(one(values, "threads", "2")), seconds(one(values, "warmup", "20")),
				seconds(one(values, "duration", "20")), headers, path(one(values, "ca", null)),
				path(one(values, "cert", null)), path(one(values, "key", null)),
				Double.parseDouble(one(values, "rate", "0")), seconds(one(values, "interval", "0")));
		options.check();
		return options;
	}

	boolean secure() {
		return "https".equalsIgnoreCase(this.url.getScheme());
	}

	private void check() {
		if (this.rate < 0) {
			throw new IllegalArgumentException("--rate must not be negative");
		}
		if (this.connections < 1 || this.threads < 1) {
			throw new IllegalArgumentException("--connections and --threads must be at least 1");
		}
		if ((this.clientCertificate == null) != (this.clientKey == null)) {
			throw new IllegalArgumentException("--cert and --key go together");
		}
		if (!secure() && (this.caCertificate != null || this.clientCertificate != null)) {
			throw new IllegalArgumentException("--ca, --cert and --key need an https:// --url");
		}
	}

	private static String one(Map<String, List<String>> values, String name, String fallback) {
		List<String> given = values.get(name);
		return (given == null) ? fallback : given.get(given.size() - 1);
	}

	private static Duration seconds(String value) {
		return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
	}

	private static Path path(String value) {
		return (value == null) ? null : Path.of(value);
	}
}
