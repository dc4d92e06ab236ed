package dev.rpcadapter.autoconfigure.registration;

import java.time.Clock;

import dev.rpcadapter.autoconfigure.AdapterAutoConfiguration;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.health.HealthComponent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class AdapterRegistrationAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(AdapterAutoConfiguration.class, AdapterRegistrationAutoConfiguration.class));

	@Test
	void isOffByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(RegistrationState.class)
			.doesNotHaveBean(ProxyRegistrar.class)
			.doesNotHaveBean("registrationHealthComponent"));
	}

	@Test
	void isOffWhenExplicitlyDisabled() {
		this.runner.withPropertyValues("adapter.registration.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ProxyRegistrar.class));
	}

	@Test
	void whenEnabledProvidesStateRegistrarHealthCommandIndicatorAndMetrics() {
		this.runner.withPropertyValues("adapter.registration.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(RegistrationState.class)
				.hasSingleBean(ProxyRegistrar.class)
				.hasBean("registrationHealthIndicator")
				.hasBean("registrationMetrics");
			assertThat(context.getBean("registrationHealthComponent", HealthComponent.class).name())
				.isEqualTo("registration");
			assertThat(context.getBean(CommandRegistry.class).find("registration_status")).isPresent();
			assertThat(context.getBean(RegistrationState.class).snapshot().phase())
				.isEqualTo(RegistrationState.Phase.REGISTERING);
		});
	}

	@Test
	void needsAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AdapterAutoConfiguration.class, AdapterRegistrationAutoConfiguration.class))
			.withPropertyValues("adapter.registration.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ProxyRegistrar.class));
	}

	@Test
	void backsOffWhenTheUserDefinesTheState() {
		this.runner.withPropertyValues("adapter.registration.enabled=true")
			.withUserConfiguration(UserState.class)
			.run((context) -> assertThat(context.getBean(RegistrationState.class).snapshot().serverId())
				.isEqualTo("user-defined"));
	}

	@Test
	void skipsTheActuatorIndicatorWithoutSpringBootHealth() {
		this.runner.withPropertyValues("adapter.registration.enabled=true")
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("registrationHealthIndicator")
				.hasSingleBean(ProxyRegistrar.class));
	}

	@Test
	void serverIdDefaultsToTheApplicationName() {
		this.runner.withPropertyValues("adapter.registration.enabled=true", "spring.application.name=billing")
			.run((context) -> assertThat(context.getBean(RegistrationState.class).snapshot().serverId())
				.isEqualTo("billing"));
	}

	@Test
	void wildcardAdvertisedUrlFailsStartupWithAnExplanation() {
		this.runner
			.withPropertyValues("adapter.registration.enabled=true",
					"adapter.registration.advertised-url=http://0.0.0.0:8080")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidRegistrationConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("adapter.registration.advertised-url")
					.contains("http://0.0.0.0:8080")
					.contains("wildcard");
				assertThat(analysis.getAction()).contains("adapter.registration.advertised-url");
			});
	}

	@Test
	void relativeProxyUrlFailsStartup() {
		this.runner
			.withPropertyValues("adapter.registration.enabled=true", "adapter.registration.register-url=/register")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidRegistrationConfigurationException.class)
				.hasMessageContaining("adapter.registration.register-url"));
	}

	@Test
	void unknownSslBundleFailsStartup() {
		this.runner.withPropertyValues("adapter.registration.enabled=true", "adapter.registration.ssl-bundle=nope")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	static class UserState {

		@Bean
		RegistrationState userRegistrationState() {
			return new RegistrationState("user-defined", Clock.systemUTC());
		}

	}

}
