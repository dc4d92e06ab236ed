package dev.rpcadapter.testserver;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gives an application its own Reactor Netty event loops, so that closing one of several
 * applications in a test JVM does not dispose the global loops the others serve on.
 */
@Configuration(proxyBeanMethods = false)
public class OwnNettyResources {

	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		factory.setShutdownQuietPeriod(Duration.ZERO);
		return factory;
	}

}
