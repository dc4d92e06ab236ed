package dev.rpcadapter.autoconfigure.web;

import dev.rpcadapter.autoconfigure.AdapterAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import dev.rpcadapter.web.AdapterEndpoints;
import dev.rpcadapter.web.AdapterPaths;
import dev.rpcadapter.web.DocsPage;
import dev.rpcadapter.web.netty.NettyAdapterRoutes;
import dev.rpcadapter.web.netty.WebSocketSessionHandler;

class AdapterWebAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(JacksonAutoConfiguration.class,
			AdapterAutoConfiguration.class, AdapterWebAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void reactiveAppGetsTheEndpointsAndRoutes() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(NettyAdapterRoutes.class)
				.hasSingleBean(AdapterEndpoints.class)
				.hasSingleBean(WebSocketSessionHandler.class)
				.hasSingleBean(DocsPage.class)
				.hasSingleBean(AdapterPaths.class);
			assertThat(context.getBean(NettyAdapterRoutes.class).mappedPaths()).containsExactly("/api/jsonrpc",
					"/api/jsonrpc/batch", "/cmd", "/commands", "/health", "/heartbeat", "/openapi.json",
					"/openrpc.json", "/docs", "/ws");
		});
	}

	@Test
	void pathsComeFromProperties() {
		this.runner
			.withPropertyValues("adapter.jsonrpc.path=/rpc", "adapter.http.cmd-path=/run",
					"adapter.websocket.path=/socket")
			.run((context) -> {
				AdapterPaths paths = context.getBean(AdapterPaths.class);
				assertThat(paths.jsonRpc()).isEqualTo("/rpc");
				assertThat(paths.cmd()).isEqualTo("/run");
				assertThat(paths.webSocket()).isEqualTo("/socket");
			});
	}

	@Test
	void webSocketCanBeSwitchedOff() {
		this.runner.withPropertyValues("adapter.websocket.enabled=false").run((context) -> {
			assertThat(context.getBean(AdapterPaths.class).webSocket()).isNull();
			assertThat(context.getBean(NettyAdapterRoutes.class).mappedPaths()).doesNotContain("/ws");
		});
	}

	@Test
	void nonReactiveAppGetsNoWebBeans() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasBean("jsonRpcDispatcher")
				.doesNotHaveBean(NettyAdapterRoutes.class)
				.doesNotHaveBean(AdapterEndpoints.class);
		});
	}

	@Test
	void withoutReactorNettyRoutesThereAreNoRoutes() {
		this.runner.withClassLoader(new FilteredClassLoader(NettyRouteProvider.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(NettyAdapterRoutes.class)
				.doesNotHaveBean(AdapterEndpoints.class);
		});
	}

	@Test
	void adapterSwitchedOffLeavesNoWebBeans() {
		this.runner.withPropertyValues("adapter.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(NettyAdapterRoutes.class)
				.doesNotHaveBean(AdapterEndpoints.class);
		});
	}

	@Test
	void userEndpointsMakeOursBackOff() {
		this.runner.withUserConfiguration(CustomPathsConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(AdapterPaths.class);
			assertThat(context.getBean(AdapterPaths.class).jsonRpc()).isEqualTo("/custom");
		});
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class CustomPathsConfiguration {

		@org.springframework.context.annotation.Bean
		AdapterPaths customPaths() {
			return new AdapterPaths("/custom", "/custom/batch", "/c", "/l", "/h", "/hb", "/oa", "/or", "/d", null);
		}

	}

}
