package dev.rpcadapter.client;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server of the client's job integration tests: the real starter plus
 * {@link JobTestCommands}.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class JobTestApplication {

	@Bean
	JobTestCommands jobTestCommands() {
		return new JobTestCommands();
	}

}
