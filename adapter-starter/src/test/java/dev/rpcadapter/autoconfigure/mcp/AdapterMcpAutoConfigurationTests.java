package dev.rpcadapter.autoconfigure.mcp;

import dev.rpcadapter.autoconfigure.AdapterAutoConfiguration;
import dev.rpcadapter.autoconfigure.web.AdapterWebAutoConfiguration;
import dev.rpcadapter.web.netty.McpNettyRoutes;
import dev.rpcadapter.mcp.McpServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class AdapterMcpAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, AdapterAutoConfiguration.class,
				AdapterWebAutoConfiguration.class, AdapterMcpAutoConfiguration.class));

	@Test
	void servesMcpByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(McpServer.class)
			.hasSingleBean(McpNettyRoutes.class)
			.hasSingleBean(AdapterMcpProperties.class));
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("adapter.mcp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpServer.class)
				.doesNotHaveBean(McpNettyRoutes.class));
	}

	@Test
	void backsOffWithoutTheMcpModule() {
		this.runner.withClassLoader(new FilteredClassLoader(McpServer.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(McpNettyRoutes.class));
	}

	@Test
	void backsOffFromAUserServer() {
		this.runner
			.withBean("myMcp", McpServer.class,
					() -> McpServer.builder(dev.rpcadapter.dispatch.JsonRpcDispatcher
						.builder(dev.rpcadapter.command.CommandRegistry.create(),
								tools.jackson.databind.json.JsonMapper.builder().build())
						.build(), dev.rpcadapter.command.CommandRegistry.create()).build())
			.run((context) -> assertThat(context).getBean(McpServer.class).isSameAs(context.getBean("myMcp")));
	}

}
