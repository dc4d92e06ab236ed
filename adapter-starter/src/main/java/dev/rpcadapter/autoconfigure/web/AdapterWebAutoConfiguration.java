package dev.rpcadapter.autoconfigure.web;

import dev.rpcadapter.autoconfigure.AdapterAutoConfiguration;
import dev.rpcadapter.autoconfigure.AdapterJsonRpcProperties;
import dev.rpcadapter.dispatch.AsyncDeliveries;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import dev.rpcadapter.web.AdapterEndpoints;
import dev.rpcadapter.web.AdapterPaths;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.ResponseHeadersCustomizer;
import dev.rpcadapter.web.SocketSessions;
import dev.rpcadapter.web.netty.NettyAdapterRoutes;
import dev.rpcadapter.web.netty.PipelinedReadResumer;
import dev.rpcadapter.web.netty.WebSocketSessionHandler;

/**
 * Serves the adapter's HTTP and WebSocket endpoints on the application's Reactor Netty
 * server, as Netty routes ahead of the WebFlux dispatcher.
 */
@AutoConfiguration(after = AdapterAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(NettyRouteProvider.class)
@ConditionalOnBean(JsonRpcDispatcher.class)
@Import(AdapterEndpointsConfiguration.class)
public final class AdapterWebAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AdapterWebAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	WebSocketSessionHandler adapterWebSocketHandler(SocketSessions sessions) {
		return new WebSocketSessionHandler(sessions);
	}

	@Bean
	NettyServerCustomizer adapterPipelinedReadResumer() {
		return PipelinedReadResumer.customizer();
	}

	@Bean
	@ConditionalOnMissingBean
	NettyAdapterRoutes adapterNettyRoutes(AdapterEndpoints endpoints,
			ObjectProvider<RequestAuthenticator> authenticator, AdapterPaths paths, AdapterJsonRpcProperties jsonRpc,
			WebSocketSessionHandler webSocket, ObjectProvider<ResponseHeadersCustomizer> headerCustomizers,
			Environment environment, ObjectProvider<AsyncDeliveries> deliveries) {
		NettyAdapterRoutes routes = new NettyAdapterRoutes(endpoints,
				authenticator.getIfAvailable(() -> RequestAuthenticator.ANONYMOUS), paths,
				jsonRpc.getMaxBodySize().toBytes(), webSocket, headerCustomizers.orderedStream().toList(),
				AdapterEndpointsConfiguration.allowedOrigins(environment),
				AdapterEndpointsConfiguration.asyncEndpoint(deliveries.getIfAvailable(), endpoints, environment));
		for (String path : routes.mappedPaths()) {
			logger.info("rpc-adapter endpoint mapped: {}", path);
		}
		return routes;
	}

}
