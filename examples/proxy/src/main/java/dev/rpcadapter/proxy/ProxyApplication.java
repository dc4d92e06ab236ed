package dev.rpcadapter.proxy;

import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.ObjectMapper;

/** A reference proxy: adapter servers register here; clients call them through it. */
@SpringBootApplication
@EnableConfigurationProperties(ProxyProperties.class)
public class ProxyApplication {

	public static void main(String[] args) {
		SpringApplication.run(ProxyApplication.class, args);
	}

	@Bean
	ServerUrlPolicy serverUrlPolicy(ProxyProperties properties) {
		return new ServerUrlPolicy(properties.getServerUrls());
	}

	/**
	 * The registration API, behind the adapter's own authenticator and command
	 * authorizer.
	 */
	@Bean
	RouterFunction<ServerResponse> proxyRoutes(ServerCatalog catalog, ObjectMapper mapper, ServerUrlPolicy policy,
			ObjectProvider<RequestAuthenticator> authenticator, CommandAuthorizer authorizer,
			ProxyProperties properties) {
		RegistrationAccess access = new RegistrationAccess(
				authenticator.getIfAvailable(() -> RequestAuthenticator.ANONYMOUS), authorizer, properties);
		return new RegistrationRoutes(catalog, mapper, access, policy, properties).routes();
	}

}
