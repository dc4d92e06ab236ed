package dev.rpcadapter.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.discovery.ApiInfo;
import dev.rpcadapter.health.HealthComponent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The adapter in Spring Boot Actuator: its health components (queue, certificates, rate
 * limit) as the contributor {@code rpcAdapter} of {@code /actuator/health} (the
 * registration has its own {@code registration} indicator), and an {@code rpc-adapter}
 * entry in {@code /actuator/info}. {@code /health} keeps the seed's body.
 */
@AutoConfiguration(afterName = { "dev.rpcadapter.autoconfigure.AdapterAutoConfiguration",
		"dev.rpcadapter.autoconfigure.queue.AdapterQueueAutoConfiguration",
		"dev.rpcadapter.autoconfigure.security.AdapterSecurityAutoConfiguration",
		"dev.rpcadapter.autoconfigure.registration.AdapterRegistrationAutoConfiguration" })
@ConditionalOnBean(CommandRegistry.class)
public final class AdapterActuatorAutoConfiguration {

	/**
	 * The registration component has its own indicator
	 * ({@code RegistrationHealthIndicator}).
	 */
	private static final String REGISTRATION = "registration";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthContributor.class)
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "rpcAdapterHealthContributor")
		HealthContributor rpcAdapterHealthContributor(ObjectProvider<HealthComponent> components) {
			Map<String, HealthContributor> indicators = new LinkedHashMap<>();
			components.orderedStream()
				.filter((component) -> !REGISTRATION.equals(component.name()))
				.forEach((component) -> indicators.put(component.name(), new ComponentHealthIndicator(component)));
			return CompositeHealthContributor.fromMap(indicators);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(InfoContributor.class)
	static class InfoConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "rpcAdapterInfoContributor")
		InfoContributor rpcAdapterInfoContributor(CommandRegistry registry, ApiInfo info,
				ObjectProvider<HealthComponent> components) {
			return (builder) -> {
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("title", info.title());
				details.put("version", info.version());
				details.put("commands", registry.all().size());
				details.put("components", components.orderedStream().map(HealthComponent::name).toList());
				builder.withDetail("rpc-adapter", details);
			};
		}

	}

}
