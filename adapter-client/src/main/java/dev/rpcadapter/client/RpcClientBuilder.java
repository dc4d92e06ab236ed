package dev.rpcadapter.client;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds an {@link RpcClient}. Obtain with {@link RpcClient#builder(URI)}.
 * <p>
 * HTTPS always verifies the server certificate and host name. Trust the server's CA with
 * one of the {@code trustedCa} methods (or rely on the JDK's default trust store);
 * present a client certificate for mTLS with {@code clientCertificate}.
 * <p>
 * Request timeout: the {@link #requestTimeout(Duration)} argument, else the
 * {@value #TIMEOUT_ENV} environment variable (seconds, decimals allowed), else the seed
 * client's {@value #SEED_TIMEOUT_ENV}, else 30 s.
 */
public final class RpcClientBuilder {

	/**
	 * Environment variable with the default request timeout in seconds, e.g.
	 * {@code 12.5}.
	 */
	public static final String TIMEOUT_ENV = "ADAPTER_HTTP_TIMEOUT";

	/**
	 * The seed client's variable, read when {@value #TIMEOUT_ENV} is not set (same
	 * format).
	 */
	public static final String SEED_TIMEOUT_ENV = "MCP_PROXY_ADAPTER_HTTP_TIMEOUT";

	private final URI baseUrl;

	private @Nullable String apiKey;

	private @Nullable String bearerToken;

	private String jsonRpcPath = "/api/jsonrpc";

	private String cmdPath = "/cmd";

	private String webSocketPath = "/ws";

	private @Nullable Duration requestTimeout;

	private Duration connectTimeout = Duration.ofSeconds(10);

	private Function<String, @Nullable String> environment = System::getenv;

	private final TlsMaterial.Builder tls = TlsMaterial.builder();

	private JsonMapper jsonMapper = JsonMapper.builder().build();

	private @Nullable Executor executor;

	private Supplier<Map<String, String>> requestHeaders = Map::of;

	RpcClientBuilder(URI baseUrl) {
		this.baseUrl = validateBaseUrl(baseUrl);
	}

	/**
	 * Sends {@code X-API-Key: <apiKey>} with every request and on the WebSocket upgrade.
	 */
	public RpcClientBuilder apiKey(String apiKey) {
		this.apiKey = requireText(apiKey, "apiKey");
		return this;
	}

	/**
	 * Sends {@code Authorization: Bearer <token>} with every request and on the WebSocket
	 * upgrade.
	 */
	public RpcClientBuilder bearerToken(String token) {
		this.bearerToken = requireText(token, "bearerToken");
		return this;
	}

	/** Path of the JSON-RPC endpoint, default {@code /api/jsonrpc}. */
	public RpcClientBuilder jsonRpcPath(String path) {
		this.jsonRpcPath = requirePath(path, "jsonRpcPath");
		return this;
	}

	/** Path of the {@code /cmd} endpoint, default {@code /cmd}. */
	public RpcClientBuilder cmdPath(String path) {
		this.cmdPath = requirePath(path, "cmdPath");
		return this;
	}

	/** Path of the WebSocket endpoint, default {@code /ws}. */
	public RpcClientBuilder webSocketPath(String path) {
		this.webSocketPath = requirePath(path, "webSocketPath");
		return this;
	}

	/** Timeout of each HTTP request; overrides {@value #TIMEOUT_ENV}. */
	public RpcClientBuilder requestTimeout(Duration timeout) {
		this.requestTimeout = requirePositive(timeout, "requestTimeout");
		return this;
	}

	/** Timeout for establishing a connection (TCP + TLS), default 10 s. */
	public RpcClientBuilder connectTimeout(Duration timeout) {
		this.connectTimeout = requirePositive(timeout, "connectTimeout");
		return this;
	}

	/**
	 * Where to read {@value #TIMEOUT_ENV} from; default {@link System#getenv(String)}.
	 * For tests.
	 */
	public RpcClientBuilder environment(Function<String, @Nullable String> environment) {
		this.environment = Objects.requireNonNull(environment, "environment");
		return this;
	}

	/**
	 * Trusts the CA certificate(s) in this PEM file (instead of the JDK default trust
	 * store).
	 */
	public RpcClientBuilder trustedCa(Path caPemFile) {
		this.tls.trustedCaPem(Objects.requireNonNull(caPemFile, "caPemFile"));
		return this;
	}

	/**
	 * Trusts the certificates in this trust store (instead of the JDK default trust
	 * store).
	 */
	public RpcClientBuilder trustedCa(KeyStore trustStore) {
		this.tls.trustStore(Objects.requireNonNull(trustStore, "trustStore"));
		return this;
	}

	/**
	 * Uses this SSLContext as is; excludes the other TLS options. Host names are still
	 * verified.
	 */
	public RpcClientBuilder sslContext(SSLContext sslContext) {
		this.tls.sslContext(Objects.requireNonNull(sslContext, "sslContext"));
		return this;
	}

	/**
	 * Presents this client certificate (PEM chain) and unencrypted PKCS#8 PEM key for
	 * mTLS.
	 */
	public RpcClientBuilder clientCertificate(Path certificatePem, Path privateKeyPem) {
		this.tls.clientPem(Objects.requireNonNull(certificatePem, "certificatePem"),
				Objects.requireNonNull(privateKeyPem, "privateKeyPem"));
		return this;
	}

	/** Presents the key entry of this key store (e.g. PKCS#12) for mTLS. */
	public RpcClientBuilder clientCertificate(KeyStore keyStore, char[] keyPassword) {
		this.tls.clientKeyStore(Objects.requireNonNull(keyStore, "keyStore"),
				Objects.requireNonNull(keyPassword, "keyPassword").clone());
		return this;
	}

	/**
	 * <strong>Dangerous:</strong> accepts any server certificate and host name, so anyone
	 * on the network path can read and change the traffic, credentials included. For
	 * throw-away local experiments only; logs a warning when the client is built. Prefer
	 * {@link #trustedCa(Path)}.
	 */
	public RpcClientBuilder insecureTrustAllCertificatesDangerous() {
		this.tls.trustAll();
		return this;
	}

	/** Jackson mapper used for params and results. */
	public RpcClientBuilder jsonMapper(JsonMapper jsonMapper) {
		this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
		return this;
	}

	/**
	 * Executor for the HTTP client's asynchronous work; default: the JDK client's own.
	 */
	public RpcClientBuilder executor(Executor executor) {
		this.executor = Objects.requireNonNull(executor, "executor");
		return this;
	}

	/**
	 * Headers added to every JSON-RPC and {@code /cmd} request, asked on the calling
	 * thread as each request is made: the way to send the current trace context
	 * ({@code traceparent}) so that the server's call span joins the caller's trace. With
	 * Micrometer Tracing: <pre>{@code
	 * builder.requestHeaders(() -> {
	 *     Map<String, String> headers = new HashMap<>();
	 *     TraceContext current = tracer.currentTraceContext().context();
	 *     if (current != null) {
	 *         propagator.inject(current, headers, Map::put);
	 *     }
	 *     return headers;
	 * });
	 * }</pre> Default: none.
	 */
	public RpcClientBuilder requestHeaders(Supplier<Map<String, String>> headers) {
		this.requestHeaders = Objects.requireNonNull(headers, "headers");
		return this;
	}

	/**
	 * @return the client
	 * @throws IllegalStateException if the options contradict each other
	 * @throws IllegalArgumentException if {@value #TIMEOUT_ENV} or a PEM/key store is
	 * invalid
	 */
	public RpcClient build() {
		if (this.apiKey != null && this.bearerToken != null) {
			throw new IllegalStateException("Configure either apiKey(...) or bearerToken(...), not both");
		}
		TlsMaterial tlsMaterial = this.tls.build();
		boolean https = "https".equals(this.baseUrl.getScheme().toLowerCase(Locale.ROOT));
		if (!https && tlsMaterial.isConfigured()) {
			throw new IllegalStateException("TLS options are set but the base URL " + this.baseUrl + " is not https");
		}
		Duration timeout = RequestTimeouts.resolve(this.requestTimeout, this.environment, TIMEOUT_ENV,
				SEED_TIMEOUT_ENV);
		return DefaultRpcClient.create(new ClientSettings(this.baseUrl, this.apiKey, this.bearerToken, this.jsonRpcPath,
				this.cmdPath, this.webSocketPath, timeout, this.connectTimeout, tlsMaterial, this.jsonMapper,
				this.executor, this.requestHeaders));
	}

	private static URI validateBaseUrl(URI baseUrl) {
		Objects.requireNonNull(baseUrl, "baseUrl");
		String scheme = baseUrl.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
			throw new IllegalArgumentException("baseUrl must be an absolute http:// or https:// URL, got " + baseUrl);
		}
		if (baseUrl.getHost() == null) {
			throw new IllegalArgumentException("baseUrl has no host: " + baseUrl);
		}
		if (baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
			throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + baseUrl);
		}
		return baseUrl;
	}

	private static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value;
	}

	private static String requirePath(String path, String name) {
		if (path == null || !path.startsWith("/")) {
			throw new IllegalArgumentException(name + " must start with '/', got " + path);
		}
		return path;
	}

	private static Duration requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, got " + duration);
		}
		return duration;
	}

}
