package dev.rpcadapter.autoconfigure.mcp;

import java.time.Duration;
import java.util.List;

import dev.rpcadapter.autoconfigure.AdapterJsonRpcProperties;
import dev.rpcadapter.autoconfigure.queue.AdapterQueueProperties;
import dev.rpcadapter.web.AdapterEndpoints;
import dev.rpcadapter.autoconfigure.web.AdapterWebAutoConfiguration;
import dev.rpcadapter.web.netty.McpNettyRoutes;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.ResponseHeadersCustomizer;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.discovery.ApiInfo;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import dev.rpcadapter.mcp.McpPrompt;
import dev.rpcadapter.mcp.McpResource;
import dev.rpcadapter.mcp.McpResourceTemplate;
import dev.rpcadapter.mcp.McpServer;
import dev.rpcadapter.mcp.McpSettings;
import dev.rpcadapter.mcp.McpToolSource;
import dev.rpcadapter.queue.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Serves every command as an MCP tool on {@code adapter.mcp.path} (Streamable HTTP),
 * through the same Netty route mechanism and authenticator as the other endpoints. Queued
 * commands are MCP tasks when the queue is on. {@link McpToolSource} beans add tools
 * besides the commands. Reactive applications only: the servlet transport has no
 * {@code /mcp} yet.
 */
@AutoConfiguration(after = AdapterWebAutoConfiguration.class,
		afterName = "dev.rpcadapter.autoconfigure.queue.AdapterQueueAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(McpServer.class)
@ConditionalOnBean(AdapterEndpoints.class)
@ConditionalOnProperty(prefix = "adapter.mcp", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AdapterMcpProperties.class)
public final class AdapterMcpAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AdapterMcpAutoConfiguration.class);

	@Bean
	static McpToolHintsCollector mcpToolHintsCollector() {
		return new McpToolHintsCollector();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	McpServer mcpServer(JsonRpcDispatcher dispatcher, CommandRegistry registry, CommandAuthorizer authorizer,
			ObjectProvider<JobQueue> queue, ObjectProvider<AdapterQueueProperties> queueProperties,
			AdapterMcpProperties properties, ApiInfo info, McpToolHintsCollector hints,
			ObjectProvider<McpResource> resources, ObjectProvider<McpResourceTemplate> templates,
			ObjectProvider<McpPrompt> prompts, ObjectProvider<McpToolSource> toolSources, Environment environment) {
		Duration ttl = queueProperties.getIfAvailable(AdapterQueueProperties::new).getRetention();
		McpSettings settings = new McpSettings(properties.isStateless(), properties.getMaxSessions(),
				properties.getSessionIdleTimeout(), allowedOrigins(properties, environment), properties.getPageSize(),
				properties.getQueuedCallWait(), properties.getReplayEvents(), info.title(), info.version(),
				properties.getInstructions(), ttl, properties.getClientRequestTimeout());
		McpServer.Builder builder = McpServer.builder(dispatcher, registry)
			.authorizer(authorizer)
			.jobQueue(queue.getIfAvailable())
			.settings(settings)
			.toolHints(hints)
			.contentTools(hints::isContentTool);
		resources.orderedStream().forEach(builder::resource);
		templates.orderedStream().forEach(builder::resourceTemplate);
		prompts.orderedStream().forEach(builder::prompt);
		toolSources.orderedStream().forEach(builder::toolSource);
		return builder.build();
	}

	/**
	 * {@code adapter.mcp.allowed-origins} when set, else
	 * {@code adapter.security.allowed-origins} (one place configures the Origin checks of
	 * {@code /ws} and {@code /mcp}; it applies with security off too).
	 */
	static List<String> allowedOrigins(AdapterMcpProperties properties, Environment environment) {
		if (!properties.getAllowedOrigins().isEmpty()) {
			return properties.getAllowedOrigins();
		}
		return Binder.get(environment)
			.bind("adapter.security.allowed-origins", Bindable.listOf(String.class))
			.orElse(List.of());
	}

	@Bean
	@ConditionalOnMissingBean
	McpNettyRoutes mcpNettyRoutes(McpServer server, AdapterEndpoints endpoints,
			ObjectProvider<RequestAuthenticator> authenticator, AdapterMcpProperties properties,
			AdapterJsonRpcProperties jsonRpc, ObjectProvider<ResponseHeadersCustomizer> headerCustomizers) {
		logger.info("rpc-adapter endpoint mapped: {} (MCP Streamable HTTP{})", properties.getPath(),
				properties.isStateless() ? ", stateless" : "");
		return new McpNettyRoutes(server, endpoints, authenticator.getIfAvailable(() -> RequestAuthenticator.ANONYMOUS),
				properties.getPath(), jsonRpc.getMaxBodySize().toBytes(), headerCustomizers.orderedStream().toList());
	}

}
