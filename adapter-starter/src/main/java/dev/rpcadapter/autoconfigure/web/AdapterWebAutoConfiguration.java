package dev.rpcadapter.autoconfigure.web;

import java.util.List;

import dev.rpcadapter.autoconfigure.AdapterAutoConfiguration;
import dev.rpcadapter.autoconfigure.AdapterInfoProperties;
import dev.rpcadapter.autoconfigure.AdapterHttpEndpointsProperties;
import dev.rpcadapter.autoconfigure.AdapterJsonRpcProperties;
import dev.rpcadapter.autoconfigure.AdapterWebSocketProperties;
import dev.rpcadapter.web.AdapterHealth;
import dev.rpcadapter.web.ApiDocumentCache;
import dev.rpcadapter.discovery.ApiInfo;
import dev.rpcadapter.dispatch.AsyncDeliveries;
import dev.rpcadapter.dispatch.JobEventSource;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import dev.rpcadapter.web.AdapterEndpoints;
import dev.rpcadapter.web.AdapterPaths;
import dev.rpcadapter.web.AsyncEndpoint;
import dev.rpcadapter.web.DocsPage;
import dev.rpcadapter.web.HealthDetailsVisibility;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.ResponseHeadersCustomizer;
import dev.rpcadapter.web.netty.NettyAdapterRoutes;
import dev.rpcadapter.web.netty.PipelinedReadResumer;
import dev.rpcadapter.web.netty.WebSocketSessionHandler;

/**
 * Serves the adapter's HTTP and WebSocket endpoints on the application's Reactor Netty server, as
 * Netty routes ahead of the WebFlux dispatcher.
 */
@AutoConfiguration(after = AdapterAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(NettyRouteProvider.class)
@ConditionalOnBean(JsonRpcDispatcher.class)
public final class AdapterWebAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AdapterWebAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	AdapterPaths adapterPaths(AdapterJsonRpcProperties jsonRpc, AdapterHttpEndpointsProperties http, AdapterWebSocketProperties webSocket) {
		return new AdapterPaths(jsonRpc.getPath(), jsonRpc.getBatchPath(), http.getCmdPath(), http.getCommandsPath(),
				http.getHealthPath(), http.getHeartbeatPath(), http.getOpenapiPath(), http.getOpenrpcPath(),
				http.getDocsPath(), webSocket.isEnabled() ? webSocket.getPath() : null);
	}

	@Bean
	@ConditionalOnMissingBean
	DocsPage adapterDocsPage(ApiInfo info, JsonRpcDispatcher dispatcher, ListableBeanFactory beans) {
		// the API-key box only where requests are authenticated (adapter.security.enabled or an own
		// authenticator); asked of the bean definitions, never creating the authenticator early (that
		// changes how the security beans are wired and slowed concurrent mTLS handshakes in tests)
		boolean authenticated = beans.getBeanNamesForType(RequestAuthenticator.class, true, false).length > 0;
		return new DocsPage(info, dispatcher.mapper(), authenticated);
	}

	@Bean
	@ConditionalOnMissingBean
	AdapterEndpoints adapterEndpoints(JsonRpcDispatcher dispatcher, ApiDocumentCache documents, AdapterHealth health,
			ApiInfo info, DocsPage docsPage, AdapterInfoProperties infoProperties, Environment environment,
			ObjectProvider<HealthDetailsVisibility> healthDetails) {
		return new AdapterEndpoints(dispatcher, documents, health, info, docsPage,
				infoProperties.configuredUrl(environment), healthDetails.getIfAvailable(() -> HealthDetailsVisibility.ALWAYS));
	}

	@Bean
	@ConditionalOnMissingBean
	WebSocketSessionHandler adapterWebSocketHandler(JsonRpcDispatcher dispatcher,
			ObjectProvider<JobEventSource> events, ObjectProvider<AsyncDeliveries> deliveries,
			AdapterWebSocketProperties properties) {
		return new WebSocketSessionHandler(dispatcher, events.getIfAvailable(), deliveries.getIfAvailable(),
				(int) Math.min(Integer.MAX_VALUE, properties.getMaxFrameSize().toBytes()), properties.getMaxQueuedFrames(),
				properties.getMaxSessionLifetime());
	}

	@Bean
	NettyServerCustomizer adapterPipelinedReadResumer() {
		return PipelinedReadResumer.customizer();
	}

	@Bean
	@ConditionalOnMissingBean
	NettyAdapterRoutes adapterNettyRoutes(AdapterEndpoints endpoints, ObjectProvider<RequestAuthenticator> authenticator,
			AdapterPaths paths, AdapterJsonRpcProperties jsonRpc, WebSocketSessionHandler webSocket,
			ObjectProvider<ResponseHeadersCustomizer> headerCustomizers, Environment environment,
			ObjectProvider<AsyncDeliveries> deliveries) {
		// adapter.security.allowed-origins belongs to AdapterSecurityProperties (documented there) but applies with
		// security off as well: a page elsewhere must not drive a browser's WebSocket to this server
		List<String> allowedOrigins = Binder.get(environment)
			.bind("adapter.security.allowed-origins", Bindable.listOf(String.class))
			.orElse(List.of());
		NettyAdapterRoutes routes = new NettyAdapterRoutes(endpoints,
				authenticator.getIfAvailable(() -> RequestAuthenticator.ANONYMOUS), paths,
				jsonRpc.getMaxBodySize().toBytes(), webSocket, headerCustomizers.orderedStream().toList(),
				allowedOrigins, asyncEndpoint(deliveries.getIfAvailable(), endpoints, environment));
		for (String path : routes.mappedPaths()) {
			logger.info("rpc-adapter endpoint mapped: {}", path);
		}
		return routes;
	}

	private static @Nullable AsyncEndpoint asyncEndpoint(@Nullable AsyncDeliveries deliveries, AdapterEndpoints endpoints,
			Environment environment) {
		if (deliveries == null) {
			return null;
		}
		return new AsyncEndpoint(environment.getProperty("adapter.async.path", "/api/async"), deliveries, endpoints);
	}
}
