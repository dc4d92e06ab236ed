package dev.rpcadapter.autoconfigure.registration;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * A minimal adapter server for registration tests, on a random port. Each instance has
 * its own Reactor Netty resources, so closing one server never touches another (or the
 * fake proxy).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class RegistrationTestApplication {

	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		factory.setShutdownQuietPeriod(java.time.Duration.ZERO);
		return factory;
	}

	static ConfigurableApplicationContext run(String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
				"spring.application.name=registration-test", "adapter.registration.advertised-url=",
				"server.address=127.0.0.1", "logging.level.dev.rpcadapter=INFO"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(RegistrationTestApplication.class).web(WebApplicationType.REACTIVE)
			.properties(all.toArray(String[]::new))
			.run();
	}

	static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
