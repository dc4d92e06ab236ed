package dev.rpcadapter.autoconfigure.registration;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.rpcadapter.autoconfigure.AdapterAutoConfiguration;
import dev.rpcadapter.autoconfigure.AdapterInfoProperties;
import dev.rpcadapter.autoconfigure.AdapterHttpEndpointsProperties;
import dev.rpcadapter.autoconfigure.AdapterJsonRpcProperties;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.health.HealthComponent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the server with a proxy when {@code adapter.registration.enabled=true}: the
 * {@link RegistrationState}, the registrar lifecycle, the {@code registration} health
 * component, the {@code registration_status} command, an Actuator health indicator and
 * Micrometer meters.
 */
@AutoConfiguration(after = AdapterAutoConfiguration.class,
		afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
@ConditionalOnWebApplication
@ConditionalOnProperty(prefix = "adapter.registration", name = "enabled", havingValue = "true")
@ConditionalOnBean(CommandRegistry.class)
@EnableConfigurationProperties(AdapterRegistrationProperties.class)
public final class AdapterRegistrationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RegistrationSettings registrationSettings(AdapterRegistrationProperties properties, Environment environment,
			AdapterJsonRpcProperties jsonRpc, AdapterHttpEndpointsProperties http, AdapterInfoProperties info) {
		Map<String, Object> builtIn = new LinkedHashMap<>();
		builtIn.put("jsonrpc_path", jsonRpc.getPath());
		builtIn.put("commands_path", http.getCommandsPath());
		builtIn.put("health_path", http.getHealthPath());
		builtIn.put("version", info.getVersion());
		return RegistrationSettings.of(properties, environment, builtIn);
	}

	@Bean
	@ConditionalOnMissingBean
	RegistrationState registrationState(RegistrationSettings settings) {
		return new RegistrationState(settings.serverId(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	ProxyRegistrar proxyRegistrar(RegistrationSettings settings, RegistrationState state,
			AdapterRegistrationProperties properties, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<ObjectMapper> mapper, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<RegistrationObservationConvention> observationConvention) {
		SslBundle ssl = sslBundle(properties.getSslBundle(), sslBundles);
		Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(),
				() -> ThreadLocalRandom.current().nextDouble());
		return new ProxyRegistrar(settings, state, mapper.getIfAvailable(() -> JsonMapper.builder().build()),
				Clock.systemUTC(), backoff,
				() -> new ProxyClient(settings.requestTimeout(), ssl, properties.getApiKey(),
						observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
						observationConvention.getIfUnique()));
	}

	@Bean
	@ConditionalOnMissingBean(name = "registrationHealthComponent")
	HealthComponent registrationHealthComponent(RegistrationState state) {
		return new RegistrationHealthComponent(state);
	}

	@Bean
	@ConditionalOnMissingBean
	RegistrationStatusCommand registrationStatusCommand(CommandRegistry registry, RegistrationState state) {
		return new RegistrationStatusCommand(registry, state);
	}

	private static @org.jspecify.annotations.Nullable SslBundle sslBundle(String name,
			ObjectProvider<SslBundles> bundles) {
		if (name.isBlank()) {
			return null;
		}
		SslBundles available = bundles.getIfAvailable();
		if (available == null) {
			throw new InvalidRegistrationConfigurationException("adapter.registration.ssl-bundle", name,
					"No SSL bundles are configured.", "Define it under spring.ssl.bundle.pem." + name + " (or .jks."
							+ name + "), or leave adapter.registration.ssl-bundle empty.");
		}
		return available.getBundle(name);
	}

	/** The Actuator health indicator, when Spring Boot's health support is present. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class ActuatorHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "registrationHealthIndicator")
		HealthIndicator registrationHealthIndicator(RegistrationState state) {
			return new RegistrationHealthIndicator(state);
		}

	}

	/** Micrometer meters, bound by Boot to every {@link MeterRegistry}. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "registrationMetrics")
		MeterBinder registrationMetrics(RegistrationState state) {
			return new RegistrationMetrics(state);
		}

	}

}
