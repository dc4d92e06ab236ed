package dev.rpcadapter.autoconfigure.web.servlet;

import dev.rpcadapter.autoconfigure.AdapterAutoConfiguration;
import dev.rpcadapter.autoconfigure.mcp.AdapterMcpAutoConfiguration;
import dev.rpcadapter.autoconfigure.web.AdapterWebAutoConfiguration;
import dev.rpcadapter.mcp.McpServer;
import dev.rpcadapter.web.AdapterEndpoints;
import dev.rpcadapter.web.AdapterPaths;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.SocketSessions;
import dev.rpcadapter.web.netty.McpNettyRoutes;
import dev.rpcadapter.web.netty.NettyAdapterRoutes;
import dev.rpcadapter.web.servlet.AdapterServlet;
import dev.rpcadapter.web.servlet.ServletWebSocketUpgrade;
import jakarta.servlet.Servlet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.WebSocketHandler;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class AdapterServletAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(JacksonAutoConfiguration.class,
			AdapterAutoConfiguration.class, AdapterWebAutoConfiguration.class, AdapterServletAutoConfiguration.class,
			AdapterMcpAutoConfiguration.class);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void servletAppGetsTheServletOnTheExactPaths() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(AdapterServlet.class)
				.hasSingleBean(AdapterEndpoints.class)
				.hasSingleBean(SocketSessions.class)
				.hasSingleBean(ServletWebSocketUpgrade.class)
				.doesNotHaveBean(NettyAdapterRoutes.class);
			ServletRegistrationBean<?> registration = context.getBean("adapterServletRegistration",
					ServletRegistrationBean.class);
			assertThat(registration.getUrlMappings()).containsExactlyInAnyOrder("/api/jsonrpc", "/api/jsonrpc/batch",
					"/cmd", "/commands", "/health", "/heartbeat", "/openapi.json", "/openrpc.json", "/docs", "/ws");
			assertThat(registration.isAsyncSupported()).isTrue();
		});
	}

	@Test
	void mcpIsNotHalfAppliedInAServletApp() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(McpServer.class)
			.doesNotHaveBean(McpNettyRoutes.class));
	}

	@Test
	void pathsComeFromProperties() {
		this.runner
			.withPropertyValues("adapter.jsonrpc.path=/rpc", "adapter.websocket.enabled=false",
					"adapter.async.enabled=false")
			.run((context) -> assertThat(context.getBean(AdapterServlet.class).mappedPaths()).contains("/rpc")
				.doesNotContain("/api/jsonrpc", "/ws", "/api/async"));
	}

	@Test
	void reactiveAppGetsNoServlet() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(NettyAdapterRoutes.class)
				.doesNotHaveBean(AdapterServlet.class)
				.doesNotHaveBean(ServletRegistrationBean.class);
		});
	}

	@Test
	void nonWebAppGetsNoServlet() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(AdapterServlet.class)
				.doesNotHaveBean(AdapterEndpoints.class);
		});
	}

	@Test
	void withoutTheServletApiThereIsNoServlet() {
		this.runner.withClassLoader(new FilteredClassLoader(Servlet.class)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(AdapterServlet.class);
		});
	}

	@Test
	void withoutSpringWebSocketTheOtherEndpointsAreStillServed() {
		this.runner.withClassLoader(new FilteredClassLoader(WebSocketHandler.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(AdapterServlet.class)
				.doesNotHaveBean(ServletWebSocketUpgrade.class);
			assertThat(context.getBean(AdapterServlet.class).mappedPaths()).contains("/api/jsonrpc")
				.doesNotContain("/ws");
		});
	}

	@Test
	void adapterSwitchedOffLeavesNoServlet() {
		this.runner.withPropertyValues("adapter.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AdapterServlet.class));
	}

	@Test
	void userServletMakesOursBackOff() {
		this.runner.withUserConfiguration(OwnServletConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(AdapterServlet.class);
			assertThat(context.getBean(AdapterServlet.class)).isSameAs(context.getBean("ownServlet"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnServletConfiguration {

		@Bean
		AdapterServlet ownServlet(AdapterEndpoints endpoints) {
			AdapterPaths paths = new AdapterPaths("/own", "/own/batch", "/c", "/l", "/h", "/hb", "/oa", "/or", "/d",
					null);
			RequestAuthenticator nobody = (request) -> Mono.empty();
			return new AdapterServlet(endpoints, nobody, paths, 1024, java.util.List.of(), java.util.List.of(), null,
					null);
		}

	}

}
