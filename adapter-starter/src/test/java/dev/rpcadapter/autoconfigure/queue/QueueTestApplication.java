package dev.rpcadapter.autoconfigure.queue;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server of the queue integration tests: the real starter plus
 * {@link QueueTestCommands}.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class QueueTestApplication {

	@Bean
	QueueTestCommands queueTestCommands() {
		return new QueueTestCommands();
	}

}
