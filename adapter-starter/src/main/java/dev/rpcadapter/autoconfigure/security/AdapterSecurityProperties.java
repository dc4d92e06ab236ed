package dev.rpcadapter.autoconfigure.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security of the adapter's endpoints.
 */
@ConfigurationProperties("adapter.security")
public class AdapterSecurityProperties {

	/**
	 * Whether the adapter's endpoints require authentication and enforce role
	 * permissions.
	 */
	private boolean enabled = false;

	/**
	 * Paths served without credentials; credentials presented there are still used (e.g.
	 * to list more on /docs).
	 */
	private List<String> publicPaths = new ArrayList<>(
			List.of("/health", "/heartbeat", "/docs", "/openapi.json", "/openrpc.json"));

	/**
	 * Whether API tokens (X-API-Key or Authorization: Bearer) are accepted. Unset: on
	 * when tokens are configured or when no other method (mTLS, JWT) is enabled.
	 */
	private @Nullable Boolean tokenAuth;

	/**
	 * API tokens: the token, or "[{sha256}<hex>]" of it (in brackets, which keep the
	 * braces), mapped to the roles it grants. A key that reads "sha256<64 hex>" (the
	 * braces lost) stops startup. Prefer token-list, which needs no brackets.
	 */
	private Map<String, List<String>> tokens = new LinkedHashMap<>();

	/**
	 * API tokens as a list of entries: "name" (principal token:<name>; default: the first
	 * 6 hex digits of the token's SHA-256), exactly one of "sha256" (the token's SHA-256,
	 * 64 hex digits) and "value" (the token itself), and "roles". Needs no brackets or
	 * quotes, unlike the keys of tokens.
	 */
	private List<Token> tokenList = new ArrayList<>();

	/**
	 * Role name mapped to the command patterns it may call: a name, "*" or a prefix such
	 * as "queue_*".
	 */
	private Map<String, List<String>> roles = new LinkedHashMap<>();

	/**
	 * Origins (scheme://host[:port]) allowed to open the WebSocket from a browser,
	 * besides the server's own; "*" allows any. An upgrade without an Origin header (not
	 * a browser) is always allowed. Applies whether or not security is enabled. The MCP
	 * endpoint checks the same list unless adapter.mcp.allowed-origins is set.
	 */
	private List<String> allowedOrigins = new ArrayList<>();

	/**
	 * How enabled authentication methods combine: any-of (one suffices) or all-of (each
	 * must succeed).
	 */
	private Mode mode = Mode.ANY_OF;

	/**
	 * Who sees the whole /health body (others get only its status): authenticated,
	 * role:<name>, always or never.
	 */
	private String healthDetails = "authenticated";

	private final Jwt jwt = new Jwt();

	private final Mtls mtls = new Mtls();

	private final RateLimit rateLimit = new RateLimit();

	private final Headers headers = new Headers();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getPublicPaths() {
		return this.publicPaths;
	}

	public void setPublicPaths(List<String> publicPaths) {
		this.publicPaths = publicPaths;
	}

	public @Nullable Boolean getTokenAuth() {
		return this.tokenAuth;
	}

	public void setTokenAuth(@Nullable Boolean tokenAuth) {
		this.tokenAuth = tokenAuth;
	}

	public Map<String, List<String>> getTokens() {
		return this.tokens;
	}

	public void setTokens(Map<String, List<String>> tokens) {
		this.tokens = tokens;
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public List<Token> getTokenList() {
		return this.tokenList;
	}

	public void setTokenList(List<Token> tokenList) {
		this.tokenList = tokenList;
	}

	public Map<String, List<String>> getRoles() {
		return this.roles;
	}

	public void setRoles(Map<String, List<String>> roles) {
		this.roles = roles;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public String getHealthDetails() {
		return this.healthDetails;
	}

	public void setHealthDetails(String healthDetails) {
		this.healthDetails = healthDetails;
	}

	public Jwt getJwt() {
		return this.jwt;
	}

	public Mtls getMtls() {
		return this.mtls;
	}

	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	public Headers getHeaders() {
		return this.headers;
	}

	/** How authentication methods combine. */
	public enum Mode {

		/**
		 * A request needs one valid credential; every credential it presents must be
		 * valid.
		 */
		ANY_OF,

		/**
		 * A request needs a valid credential of every enabled kind (client certificate,
		 * token or JWT).
		 */
		ALL_OF

	}

	/** One API token of {@code adapter.security.token-list}. */
	public static class Token {

		/**
		 * The name of its callers (principal "token:<name>"); unset for the first 6 hex
		 * digits of its SHA-256.
		 */
		private @Nullable String name;

		/**
		 * The token's SHA-256 as 64 hex digits, so the configuration does not hold the
		 * secret.
		 */
		private @Nullable String sha256;

		/** The token itself, when sha256 is not given. */
		private @Nullable String value;

		/** The roles the token grants. */
		private List<String> roles = new ArrayList<>();

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getSha256() {
			return this.sha256;
		}

		public void setSha256(@Nullable String sha256) {
			this.sha256 = sha256;
		}

		public @Nullable String getValue() {
			return this.value;
		}

		public void setValue(@Nullable String value) {
			this.value = value;
		}

		public List<String> getRoles() {
			return this.roles;
		}

		public void setRoles(List<String> roles) {
			this.roles = roles;
		}

	}

	/** JSON Web Tokens on {@code Authorization: Bearer}. */
	public static class Jwt {

		/** HS256 shared secret (at least 32 bytes); enables JWT authentication. */
		private @Nullable String secret;

		/**
		 * Required "iss" claim; alone (without secret or JWK set URI) also where keys are
		 * discovered.
		 */
		private @Nullable String issuerUri;

		/** URI of the issuer's JWK set (RS256/ES256 keys); enables JWT authentication. */
		private @Nullable String jwkSetUri;

		/**
		 * Claim holding the roles: a list or a comma/space separated string; a dotted
		 * path reads nested claims.
		 */
		private String rolesClaim = "roles";

		/** Claim naming the caller (the principal that owns jobs). */
		private String principalClaim = "sub";

		/** A value the "aud" claim must contain; unset for no audience check. */
		private @Nullable String audience;

		/**
		 * Whether JWTs signed with keys from a JWK set (jwk-set-uri, or issuer-uri
		 * without secret) are accepted without an audience check. Off: such a
		 * configuration needs jwt.audience, since an identity provider signs tokens for
		 * every application it serves.
		 */
		private boolean allowAnyAudience = false;

		/** Tolerance when checking "exp" and "nbf". */
		private Duration clockSkew = Duration.ofSeconds(60);

		/**
		 * @return whether any JWT setting that enables JWT authentication is present
		 */
		public boolean isConfigured() {
			return this.secret != null || this.issuerUri != null || this.jwkSetUri != null;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		public @Nullable String getIssuerUri() {
			return this.issuerUri;
		}

		public void setIssuerUri(@Nullable String issuerUri) {
			this.issuerUri = issuerUri;
		}

		public @Nullable String getJwkSetUri() {
			return this.jwkSetUri;
		}

		public void setJwkSetUri(@Nullable String jwkSetUri) {
			this.jwkSetUri = jwkSetUri;
		}

		public String getRolesClaim() {
			return this.rolesClaim;
		}

		public void setRolesClaim(String rolesClaim) {
			this.rolesClaim = rolesClaim;
		}

		public String getPrincipalClaim() {
			return this.principalClaim;
		}

		public void setPrincipalClaim(String principalClaim) {
			this.principalClaim = principalClaim;
		}

		public @Nullable String getAudience() {
			return this.audience;
		}

		public void setAudience(@Nullable String audience) {
			this.audience = audience;
		}

		public boolean isAllowAnyAudience() {
			return this.allowAnyAudience;
		}

		public void setAllowAnyAudience(boolean allowAnyAudience) {
			this.allowAnyAudience = allowAnyAudience;
		}

		public Duration getClockSkew() {
			return this.clockSkew;
		}

		public void setClockSkew(Duration clockSkew) {
			this.clockSkew = clockSkew;
		}

	}

	/**
	 * Client certificates; the server's TLS comes from server.ssl.bundle and
	 * server.ssl.client-auth.
	 */
	public static class Mtls {

		/**
		 * Whether client certificates authenticate callers (needs server.ssl.bundle and
		 * client-auth want or need).
		 */
		private boolean enabled = false;

		/**
		 * Whether a caller needs a valid token or JWT in addition to its client
		 * certificate.
		 */
		private boolean requireToken = false;

		/**
		 * Role of a client certificate that names none (the seed adapter's "other");
		 * empty for no role.
		 */
		private String defaultRole = "other";

		/**
		 * CRL location (file: or classpath:, PEM or DER), checked at startup, on every
		 * handshake and every request.
		 */
		private @Nullable String crl;

		/**
		 * How long before the server certificate or the CRL expires /health reports
		 * "degraded".
		 */
		/**
		 * How often the CRL file is looked at for changes; revocations take effect within
		 * this interval. Zero looks at it on every handshake and request.
		 */
		private Duration crlRefreshInterval = Duration.ofSeconds(1);

		private Duration expiryWarning = Duration.ofDays(14);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getDefaultRole() {
			return this.defaultRole;
		}

		public void setDefaultRole(String defaultRole) {
			this.defaultRole = defaultRole;
		}

		public boolean isRequireToken() {
			return this.requireToken;
		}

		public void setRequireToken(boolean requireToken) {
			this.requireToken = requireToken;
		}

		public @Nullable String getCrl() {
			return this.crl;
		}

		public void setCrl(@Nullable String crl) {
			this.crl = crl;
		}

		public Duration getCrlRefreshInterval() {
			return this.crlRefreshInterval;
		}

		public void setCrlRefreshInterval(Duration crlRefreshInterval) {
			this.crlRefreshInterval = crlRefreshInterval;
		}

		public Duration getExpiryWarning() {
			return this.expiryWarning;
		}

		public void setExpiryWarning(Duration expiryWarning) {
			this.expiryWarning = expiryWarning;
		}

	}

	/** Token-bucket rate limits per caller. */
	public static class RateLimit {

		/**
		 * Whether requests are rate limited (HTTP 429 with Retry-After and a -32005
		 * body).
		 */
		private boolean enabled = false;

		/** Sustained requests per second allowed per key. */
		private double requestsPerSecond = 10;

		/** Requests allowed at once after a quiet period (the bucket size). */
		private int burst = 20;

		/** Roles whose callers are never limited. */
		private List<String> exemptRoles = new ArrayList<>();

		/** Paths never limited. */
		private List<String> exemptPaths = new ArrayList<>(List.of("/health", "/heartbeat"));

		/**
		 * What a bucket belongs to: the authenticated principal (address when anonymous)
		 * or the client address.
		 */
		private Per per = Per.PRINCIPAL;

		/**
		 * Proxies (IP addresses or CIDR ranges) whose X-Forwarded-For is believed for the
		 * client address of rate limits; from any other peer the socket address counts,
		 * whatever its headers say.
		 */
		private List<String> trustedProxies = new ArrayList<>();

		private final FailedAuthentication failedAuthentication = new FailedAuthentication();

		/**
		 * Where buckets live: memory (one budget per node) or redis (one budget shared by
		 * all nodes, via spring.data.redis.*).
		 */
		private Store store = Store.MEMORY;

		/**
		 * What request limits do while Redis cannot be reached: allow (not limited) or
		 * deny (429).
		 */
		private StoreFailure redisFailure = StoreFailure.ALLOW;

		/**
		 * The longest a Redis check may take before the failure policy answers instead.
		 */
		private Duration redisTimeout = Duration.ofMillis(500);

		/**
		 * Prefix of the Redis keys of the buckets (one hash per principal or address).
		 */
		private String redisKeyPrefix = "rpc-adapter:rate-limit:";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public double getRequestsPerSecond() {
			return this.requestsPerSecond;
		}

		public void setRequestsPerSecond(double requestsPerSecond) {
			this.requestsPerSecond = requestsPerSecond;
		}

		public int getBurst() {
			return this.burst;
		}

		public void setBurst(int burst) {
			this.burst = burst;
		}

		public List<String> getExemptRoles() {
			return this.exemptRoles;
		}

		public void setExemptRoles(List<String> exemptRoles) {
			this.exemptRoles = exemptRoles;
		}

		public List<String> getExemptPaths() {
			return this.exemptPaths;
		}

		public void setExemptPaths(List<String> exemptPaths) {
			this.exemptPaths = exemptPaths;
		}

		public Per getPer() {
			return this.per;
		}

		public void setPer(Per per) {
			this.per = per;
		}

		public List<String> getTrustedProxies() {
			return this.trustedProxies;
		}

		public void setTrustedProxies(List<String> trustedProxies) {
			this.trustedProxies = trustedProxies;
		}

		public FailedAuthentication getFailedAuthentication() {
			return this.failedAuthentication;
		}

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public StoreFailure getRedisFailure() {
			return this.redisFailure;
		}

		public void setRedisFailure(StoreFailure redisFailure) {
			this.redisFailure = redisFailure;
		}

		public Duration getRedisTimeout() {
			return this.redisTimeout;
		}

		public void setRedisTimeout(Duration redisTimeout) {
			this.redisTimeout = redisTimeout;
		}

		public String getRedisKeyPrefix() {
			return this.redisKeyPrefix;
		}

		public void setRedisKeyPrefix(String redisKeyPrefix) {
			this.redisKeyPrefix = redisKeyPrefix;
		}

		/** Where rate-limit buckets live. */
		public enum Store {

			/** This node's memory: each node has its own budget. */
			MEMORY,

			/** Redis (spring.data.redis.*): one budget shared by every node. */
			REDIS

		}

		/** What a limit does while its store cannot be reached. */
		public enum StoreFailure {

			/** Let the call through (the limit is not enforced meanwhile). */
			ALLOW,

			/** Refuse the call with 429 (fail closed). */
			DENY

		}

		/**
		 * Throttling of rejected credentials per client address, on whenever security is.
		 */
		public static class FailedAuthentication {

			/**
			 * Whether rejected credentials are throttled per client address (then refused
			 * with 429 until the bucket refills).
			 */
			private boolean enabled = true;

			/** Sustained failed authentications per second allowed per client address. */
			private double requestsPerSecond = 0.2;

			/**
			 * Failed authentications allowed at once per client address (the bucket
			 * size).
			 */
			private int burst = 30;

			/**
			 * What this limit does while Redis cannot be reached (store redis): deny
			 * (429, fail closed) or allow.
			 */
			private StoreFailure redisFailure = StoreFailure.DENY;

			public StoreFailure getRedisFailure() {
				return this.redisFailure;
			}

			public void setRedisFailure(StoreFailure redisFailure) {
				this.redisFailure = redisFailure;
			}

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public double getRequestsPerSecond() {
				return this.requestsPerSecond;
			}

			public void setRequestsPerSecond(double requestsPerSecond) {
				this.requestsPerSecond = requestsPerSecond;
			}

			public int getBurst() {
				return this.burst;
			}

			public void setBurst(int burst) {
				this.burst = burst;
			}

		}

		/** What a rate-limit bucket belongs to. */
		public enum Per {

			/**
			 * The authenticated principal; anonymous requests are keyed by client
			 * address.
			 */
			PRINCIPAL,

			/** The client's IP address. */
			ADDRESS,

			/**
			 * Both: a request takes a permit from its principal's bucket and from its
			 * client address's bucket, so neither many tokens from one address nor one
			 * token from many addresses go past the limit.
			 */
			PRINCIPAL_AND_ADDRESS

		}

	}

	/** Security response headers. */
	public static class Headers {

		/**
		 * Whether security headers (X-Frame-Options, Cache-Control, Referrer-Policy, HSTS
		 * on TLS) are added.
		 */
		private boolean enabled = true;

		/**
		 * HSTS max-age sent on TLS connections; zero for no Strict-Transport-Security
		 * header.
		 */
		private Duration hstsMaxAge = Duration.ofDays(365);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getHstsMaxAge() {
			return this.hstsMaxAge;
		}

		public void setHstsMaxAge(Duration hstsMaxAge) {
			this.hstsMaxAge = hstsMaxAge;
		}

	}

}
