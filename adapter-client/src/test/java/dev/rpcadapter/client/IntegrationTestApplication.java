package dev.rpcadapter.client;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server application of the client integration tests: the real starter plus test
 * commands.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class IntegrationTestApplication {

	@Bean
	IntegrationCommands integrationCommands() {
		return new IntegrationCommands();
	}

}
