package dev.rpcadapter.autoconfigure.security;

import java.util.Set;

import dev.rpcadapter.autoconfigure.AdapterAutoConfiguration;
import dev.rpcadapter.autoconfigure.diagnostics.AdapterSecurityFailureAnalyzer;
import dev.rpcadapter.command.Caller;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import dev.rpcadapter.health.HealthComponent;
import dev.rpcadapter.security.ratelimit.RateLimiter;
import dev.rpcadapter.security.token.TokenRegistry;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.ResponseHeadersCustomizer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.security.authentication.ReactiveAuthenticationManager;

import static org.assertj.core.api.Assertions.assertThat;

/** Conditions of {@link AdapterSecurityAutoConfiguration}. */
class AdapterSecurityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AdapterSecurityAutoConfiguration.class, AdapterAutoConfiguration.class));

	private final ApplicationContextRunner secured = this.runner.withPropertyValues("adapter.security.enabled=true",
			"adapter.security.tokens.admin-key=admin", "adapter.security.tokens.user-key=user",
			"adapter.security.roles.admin=*", "adapter.security.roles.user=echo,queue_*");

	@Test
	void securityIsOffByDefaultAndEveryCommandIsAllowed() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(RequestAuthenticator.class);
			assertThat(context).doesNotHaveBean(AdapterSecurityProperties.class);
			assertThat(context.getBean(CommandAuthorizer.class)).isSameAs(CommandAuthorizer.ALLOW_ALL);
		});
	}

	@Test
	void enabledSecurityAuthenticatesRequestsAndDeniesByDefault() {
		this.secured.run((context) -> {
			CommandAuthorizer authorizer = context.getBean(CommandAuthorizer.class);
			assertThat(context).hasSingleBean(RequestAuthenticator.class);
			assertThat(context).hasSingleBean(ResponseHeadersCustomizer.class);
			assertThat(context).doesNotHaveBean(RateLimiter.class);
			assertThat(authorizer.isAllowed(Caller.of("u", Set.of("user")), "queue_list_jobs")).isTrue();
			assertThat(authorizer.isAllowed(Caller.of("u", Set.of("user")), "shutdown")).isFalse();
			assertThat(authorizer.isAllowed(Caller.of("a", Set.of("admin")), "shutdown")).isTrue();
			assertThat(authorizer.isAllowed(Caller.ANONYMOUS, "echo")).isFalse();
		});
	}

	@Test
	void userBeansWinOverTheAutoConfiguredOnes() {
		RequestAuthenticator authenticator = RequestAuthenticator.ANONYMOUS;
		CommandAuthorizer authorizer = (caller, command) -> true;
		this.secured.withBean(RequestAuthenticator.class, () -> authenticator)
			.withBean(CommandAuthorizer.class, () -> authorizer)
			.run((context) -> {
				assertThat(context.getBean(RequestAuthenticator.class)).isSameAs(authenticator);
				assertThat(context.getBean(CommandAuthorizer.class)).isSameAs(authorizer);
			});
	}

	@Test
	void enabledSecurityWithoutTheSecurityModuleStopsStartupInsteadOfRunningOpen() {
		this.secured.withClassLoader(new FilteredClassLoader(TokenRegistry.class))
			.run(failsWith("dev.rpcadapter.security.token.TokenRegistry is not on the classpath", "adapter-security"));
		this.secured.withClassLoader(new FilteredClassLoader(ReactiveAuthenticationManager.class))
			.run(failsWith("ReactiveAuthenticationManager is not on the classpath", "adapter.security.enabled=false"));
	}

	@Test
	void withoutTheSecurityModuleAndSecurityOffEverythingIsAllowed() {
		this.runner.withClassLoader(new FilteredClassLoader(TokenRegistry.class))
			.run((context) -> assertThat(context.getBean(CommandAuthorizer.class))
				.isSameAs(CommandAuthorizer.ALLOW_ALL));
	}

	@Test
	void rateLimiterOnlyWhenEnabledAndHeadersCanBeSwitchedOff() {
		this.secured
			.withPropertyValues("adapter.security.rate-limit.enabled=true", "adapter.security.headers.enabled=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(RateLimiter.class);
				assertThat(context).doesNotHaveBean(ResponseHeadersCustomizer.class);
			});
	}

	@Test
	void tokenAuthenticationWithoutTokensFailsAtStartup() {
		this.runner.withPropertyValues("adapter.security.enabled=true", "adapter.security.roles.admin=*")
			.run(failsWith("adapter.security.tokens and token-list are empty", "adapter.security.token-auth=false"));
	}

	@Test
	void securityWithoutRolesFailsAtStartup() {
		this.runner.withPropertyValues("adapter.security.enabled=true", "adapter.security.tokens.k=admin")
			.run(failsWith("adapter.security.roles is empty", "adapter.security.roles.admin=*"));
	}

	@Test
	void mtlsWithoutServerTlsFailsAtStartup() {
		this.secured.withPropertyValues("adapter.security.mtls.enabled=true")
			.run(failsWith("server.ssl.bundle is not set", "server.ssl.client-auth=need"));
	}

	@Test
	void crlWithoutServerTlsFailsAtStartup() {
		this.secured.withPropertyValues("adapter.security.mtls.crl=file:ca.crl")
			.run(failsWith("adapter.security.mtls.crl is set", "server.ssl.bundle"));
	}

	@Test
	void shortJwtSecretFailsAtStartup() {
		this.secured.withPropertyValues("adapter.security.jwt.secret=short")
			.run(failsWith("at least 32 bytes", "adapter.security.jwt"));
	}

	@Test
	void tokenListEntryWithBothOrNeitherOfSha256AndValueFailsAtStartup() {
		this.runner.withPropertyValues("adapter.security.enabled=true", "adapter.security.roles.admin=*",
				"adapter.security.token-list[0].value=v", "adapter.security.token-list[0].sha256=" + "ab".repeat(32))
			.run(failsWith("token-list[0] needs exactly one of sha256 and value, it has both", "sha256sum"));
		this.runner
			.withPropertyValues("adapter.security.enabled=true", "adapter.security.roles.admin=*",
					"adapter.security.token-list[0].name=ci", "adapter.security.token-list[0].roles=admin")
			.run(failsWith("it has neither", "sha256"));
	}

	@Test
	void tokenListValueThatLooksLikeADigestFailsAtStartup() {
		this.runner
			.withPropertyValues("adapter.security.enabled=true", "adapter.security.roles.admin=*",
					"adapter.security.token-list[0].value=sha256:" + "ab".repeat(32))
			.run(failsWith("looks like a SHA-256 digest", "token-list"));
	}

	@Test
	void jwtKeysFromAnIdentityProviderWithoutAnAudienceFailAtStartup() {
		this.secured.withPropertyValues("adapter.security.jwt.jwk-set-uri=https://idp.example/jwks")
			.run(failsWith("no audience is configured", "adapter.security.jwt.allow-any-audience=true"));
		this.secured.withPropertyValues("adapter.security.jwt.issuer-uri=https://idp.example")
			.run(failsWith("no audience is configured", "spring.security.oauth2.resourceserver.jwt.audiences"));
		this.secured
			.withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://idp.example/jwks")
			.run(failsWith("no audience is configured", "spring.security.oauth2.resourceserver.jwt.audiences"));
		this.secured
			.withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://idp.example/jwks",
					"spring.security.oauth2.resourceserver.jwt.audiences=orders,billing")
			.run((context) -> assertThat(context).hasNotFailed());
		this.secured
			.withPropertyValues("adapter.security.jwt.jwk-set-uri=https://idp.example/jwks",
					"adapter.security.jwt.audience=orders")
			.run((context) -> assertThat(context).hasNotFailed());
		this.secured
			.withPropertyValues("adapter.security.jwt.jwk-set-uri=https://idp.example/jwks",
					"adapter.security.jwt.allow-any-audience=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void rateLimitBucketsAreInMemoryByDefault() {
		this.secured.withPropertyValues("adapter.security.rate-limit.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(RateLimiterFactory.class).doesNotHaveBean(RedisBuckets.class);
			assertThat(context).doesNotHaveBean("rateLimitHealthComponent");
		});
	}

	@Test
	void redisStoreUsesBootsRedisConnectionAndAddsAHealthComponent() {
		this.secured.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("adapter.security.rate-limit.store=redis", "spring.data.redis.port=6379")
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisBuckets.class);
				assertThat(context.getBean("rateLimitHealthComponent", HealthComponent.class).name())
					.isEqualTo("rate_limit");
			});
	}

	@Test
	void redisStoreWithoutAConnectionFactoryFailsAtStartup() {
		this.secured.withPropertyValues("adapter.security.rate-limit.store=redis")
			.run(failsWith("no reactive Redis connection factory", "spring.data.redis.host"));
	}

	@Test
	void redisStoreWithoutSpringDataRedisFailsAtStartup() {
		this.secured.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("adapter.security.rate-limit.store=redis")
			.run(failsWith("Spring Data Redis is not on the classpath", "spring-boot-starter-data-redis"));
	}

	@Test
	void invalidTrustedProxiesFailAtStartup() {
		this.secured.withPropertyValues("adapter.security.rate-limit.trusted-proxies=proxy.internal")
			.run(failsWith("trusted-proxies is invalid", "CIDR"));
	}

	static ContextConsumer<AssertableApplicationContext> failsWith(String description, String action) {
		return (context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new AdapterSecurityFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
			assertThat(analysis.getDescription()).contains(description);
			assertThat(analysis.getAction()).contains(action);
		};
	}

}
