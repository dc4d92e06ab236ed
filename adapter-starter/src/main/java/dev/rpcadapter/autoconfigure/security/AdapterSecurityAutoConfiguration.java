package dev.rpcadapter.autoconfigure.security;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rpcadapter.autoconfigure.AdapterAutoConfiguration;
import dev.rpcadapter.autoconfigure.diagnostics.AdapterSecurityConfigurationException;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import dev.rpcadapter.health.HealthComponent;
import dev.rpcadapter.security.authz.CommandPermissions;
import dev.rpcadapter.security.authz.RoleCommandAuthorizer;
import dev.rpcadapter.security.crl.RevocationChecker;
import dev.rpcadapter.security.ratelimit.NanoClock;
import dev.rpcadapter.security.ratelimit.RateLimit;
import dev.rpcadapter.security.ratelimit.RateLimiter;
import dev.rpcadapter.security.token.TokenRegistry;
import dev.rpcadapter.web.HealthDetailsVisibility;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.ResponseHeadersCustomizer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Security for the adapter's endpoints when {@code adapter.security.enabled=true}:
 * authentication of every request (client certificate, API token, JWT), role-based
 * command authorization (deny by default), rate limits, security headers, and CRL checks
 * of the server's TLS.
 */
@AutoConfiguration(before = AdapterAutoConfiguration.class,
		afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
@ConditionalOnClass({ TokenRegistry.class, ReactiveAuthenticationManager.class })
@ConditionalOnProperty(prefix = "adapter.security", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(AdapterSecurityProperties.class)
public final class AdapterSecurityAutoConfiguration {

	private static final Clock CLOCK = Clock.systemUTC();

	@Bean
	@ConditionalOnMissingBean
	CommandPermissions adapterCommandPermissions(AdapterSecurityProperties properties) {
		Map<String, List<String>> roles = properties.getRoles();
		if (roles.isEmpty()) {
			throw new AdapterSecurityConfigurationException(
					"Security is enabled but adapter.security.roles is empty, so every command would be denied",
					"Map roles to command patterns, e.g. adapter.security.roles.admin=* and "
							+ "adapter.security.roles.user=echo,help,queue_*");
		}
		try {
			return CommandPermissions.of(roles);
		}
		catch (IllegalArgumentException ex) {
			throw new AdapterSecurityConfigurationException("adapter.security.roles is invalid: " + ex.getMessage(),
					"Use command names, '*' or prefixes ending in '*' (queue_*)", ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean
	CommandAuthorizer adapterSecurityCommandAuthorizer(CommandPermissions permissions) {
		return new RoleCommandAuthorizer(permissions);
	}

	@Bean
	@ConditionalOnMissingBean
	RequestAuthenticator adapterRequestAuthenticator(AdapterSecurityProperties properties, Environment environment,
			ObjectProvider<ServerCertificates> certificates, ObjectProvider<RateLimiter> rateLimiter,
			RateLimiterFactory limiters, ObjectProvider<ReactiveJwtDecoder> jwtDecoder) {
		ReactiveAuthenticationManager certificateManager = AuthenticationManagers.certificates(properties, environment);
		ReactiveAuthenticationManager bearerManager = AuthenticationManagers.bearer(properties,
				JwtSources.resolve(properties.getJwt(), environment), jwtDecoder.getIfUnique(), CLOCK);
		if (certificateManager == null && bearerManager == null) {
			throw new AdapterSecurityConfigurationException(
					"Security is enabled but every authentication method is off",
					"Enable API tokens (adapter.security.tokens), JWTs (spring.security.oauth2.resourceserver.jwt.*, "
							+ "adapter.security.jwt.secret or a ReactiveJwtDecoder bean) or client "
							+ "certificates (adapter.security.mtls.enabled=true)");
		}
		ServerCertificates server = certificates.getIfAvailable();
		String crl = properties.getMtls().getCrl();
		if (server == null && crl != null && !crl.isBlank()) {
			throw new AdapterSecurityConfigurationException(
					"adapter.security.mtls.crl is set but the server has no TLS from an SSL bundle (server.ssl.bundle)",
					"Configure the server's TLS with spring.ssl.bundle.* and server.ssl.bundle, or remove "
							+ "adapter.security.mtls.crl");
		}
		if (certificateManager != null && server != null && server.tls().trustedCas().isEmpty()) {
			// without a trust store the JDK's public CAs would vouch for client
			// certificates: anyone with a
			// certificate from any public CA whose CN matches a configured name would be
			// let in
			throw new AdapterSecurityConfigurationException(
					"adapter.security.mtls.enabled is true but SSL bundle '" + server.tls().bundleName()
							+ "' has no trust store, so client certificates would be validated "
							+ "against the JDK's public CAs",
					"Give the bundle the CA that issues your client certificates, e.g. spring.ssl.bundle.pem."
							+ server.tls().bundleName() + ".truststore.certificate=file:ca.crt");
		}
		RevocationChecker revocation = (server != null) ? server.checker() : null;
		boolean requireAll = properties.getMode() == AdapterSecurityProperties.Mode.ALL_OF
				|| properties.getMtls().isRequireToken();
		return new AdapterRequestAuthenticator(Set.copyOf(properties.getPublicPaths()), certificateManager,
				bearerManager, revocation, requireAll,
				rateLimits(properties.getRateLimit(), rateLimiter.getIfAvailable(), limiters));
	}

	private static RequestRateLimits rateLimits(AdapterSecurityProperties.RateLimit limit,
			@Nullable RateLimiter requests, RateLimiterFactory limiters) {
		AdapterSecurityProperties.RateLimit.FailedAuthentication failed = limit.getFailedAuthentication();
		FailedAuthentications failures = failed.isEnabled() ? new FailedAuthentications(
				limiters.create(limit("failed-authentication.", failed.getRequestsPerSecond(), failed.getBurst()),
						failed.getRedisFailure()),
				NanoClock.system()) : null;
		List<Cidr> proxies;
		try {
			proxies = limit.getTrustedProxies().stream().map(Cidr::parse).toList();
		}
		catch (IllegalArgumentException ex) {
			throw new AdapterSecurityConfigurationException(
					"adapter.security.rate-limit.trusted-proxies is invalid: " + ex.getMessage(),
					"List the proxies' IP addresses or CIDR ranges, e.g. 10.0.0.0/8, 2001:db8::/32", ex);
		}
		return new RequestRateLimits(requests, limit.getPer(), new HashSet<>(limit.getExemptRoles()),
				new HashSet<>(limit.getExemptPaths()), failures, new ClientAddresses(proxies));
	}

	private static RateLimit limit(String prefix, double requestsPerSecond, int burst) {
		try {
			return new RateLimit(requestsPerSecond, burst);
		}
		catch (IllegalArgumentException ex) {
			throw new AdapterSecurityConfigurationException(
					"adapter.security.rate-limit." + prefix + "* is invalid: " + ex.getMessage(),
					"Set requests-per-second > 0 and burst >= 1", ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean
	HealthDetailsVisibility adapterHealthDetailsVisibility(AdapterSecurityProperties properties) {
		return HealthDetails.of(properties.getHealthDetails());
	}

	/** Rate limits, when {@code adapter.security.rate-limit.enabled=true}. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "adapter.security.rate-limit", name = "enabled", havingValue = "true")
	static class RateLimitConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RateLimiter adapterRateLimiter(AdapterSecurityProperties properties, RateLimiterFactory limiters) {
			AdapterSecurityProperties.RateLimit limit = properties.getRateLimit();
			return limiters.create(limit("", limit.getRequestsPerSecond(), limit.getBurst()), limit.getRedisFailure());
		}

	}

	/** Buckets in memory, unless {@code adapter.security.rate-limit.store=redis}. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "adapter.security.rate-limit", name = "store", havingValue = "memory",
			matchIfMissing = true)
	static class MemoryStoreConfiguration {

		@Bean
		RateLimiterFactory adapterRateLimiterFactory() {
			return RateLimiterFactory.inMemory();
		}

	}

	/** Buckets in Redis, through Boot's {@code spring.data.redis.*} connection. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "adapter.security.rate-limit", name = "store", havingValue = "redis")
	@ConditionalOnClass(name = RedisStoreConfiguration.TEMPLATE)
	static class RedisStoreConfiguration {

		static final String TEMPLATE = "org.springframework.data.redis.core.ReactiveStringRedisTemplate";

		@Bean
		RedisBuckets adapterRateLimiterFactory(AdapterSecurityProperties properties,
				ObjectProvider<ReactiveRedisConnectionFactory> connections) {
			ReactiveRedisConnectionFactory connectionFactory = connections.getIfAvailable();
			if (connectionFactory == null) {
				throw new AdapterSecurityConfigurationException(
						"adapter.security.rate-limit.store=redis but there is no reactive Redis connection factory",
						"Use Boot's Redis auto-configuration with Lettuce (spring-boot-starter-data-redis, "
								+ "spring.data.redis.host/port or url), or define a ReactiveRedisConnectionFactory bean");
			}
			AdapterSecurityProperties.RateLimit limit = properties.getRateLimit();
			return new RedisBuckets(connectionFactory, limit.getRedisKeyPrefix(), limit.getRedisTimeout());
		}

		@Bean
		@ConditionalOnMissingBean(name = "rateLimitHealthComponent")
		HealthComponent rateLimitHealthComponent(RedisBuckets buckets, AdapterSecurityProperties properties) {
			return new RateLimitHealthComponent(buckets, properties.getRateLimit());
		}

	}

	/**
	 * {@code store=redis} without Spring Data Redis on the classpath: startup fails and
	 * says what to add.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "adapter.security.rate-limit", name = "store", havingValue = "redis")
	@ConditionalOnMissingClass(RedisStoreConfiguration.TEMPLATE)
	static class RedisMissingConfiguration {

		@Bean
		RateLimiterFactory adapterRateLimiterFactory() {
			throw new AdapterSecurityConfigurationException(
					"adapter.security.rate-limit.store=redis but Spring Data Redis is not on the classpath",
					"Add org.springframework.boot:spring-boot-starter-data-redis (and spring.data.redis.* settings), "
							+ "or set adapter.security.rate-limit.store=memory");
		}

	}

	/**
	 * Security response headers, unless {@code adapter.security.headers.enabled=false}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "adapter.security.headers", name = "enabled", havingValue = "true",
			matchIfMissing = true)
	static class HeadersConfiguration {

		@Bean
		ResponseHeadersCustomizer adapterSecurityHeaders(AdapterSecurityProperties properties) {
			return new SecurityResponseHeaders(properties.getHeaders().getHstsMaxAge());
		}

	}

	/**
	 * The server's own certificate and CRL, when the server has TLS from an SSL bundle.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "server.ssl", name = "bundle")
	@ConditionalOnBean(SslBundles.class)
	static class ServerTlsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ServerCertificates adapterServerCertificates(AdapterSecurityProperties properties, Environment environment,
				SslBundles bundles, ResourceLoader resources) {
			ServerTls tls = ServerTls.of(bundles, environment.getRequiredProperty("server.ssl.bundle"));
			String crl = properties.getMtls().getCrl();
			CrlResource crlResource = (crl != null && !crl.isBlank())
					? new CrlResource(crl, resources.getResource(crl), properties.getMtls().getCrlRefreshInterval())
					: null;
			return new ServerCertificates(tls, crlResource, CLOCK);
		}

		@Bean
		static RevocationWebServerFactoryCustomizer adapterRevocationCustomizer(
				ObjectProvider<ServerCertificates> certificates) {
			return new RevocationWebServerFactoryCustomizer(() -> certificates.getObject().checker());
		}

		@Bean
		@ConditionalOnMissingBean(name = "certificatesHealthComponent")
		HealthComponent certificatesHealthComponent(ServerCertificates certificates,
				AdapterSecurityProperties properties) {
			return new CertificatesHealthComponent(certificates, properties.getMtls().getExpiryWarning(), CLOCK);
		}

	}

}
