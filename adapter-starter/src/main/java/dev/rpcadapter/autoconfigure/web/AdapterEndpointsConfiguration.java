package dev.rpcadapter.autoconfigure.web;

import java.util.List;

import dev.rpcadapter.autoconfigure.AdapterHttpEndpointsProperties;
import dev.rpcadapter.autoconfigure.AdapterInfoProperties;
import dev.rpcadapter.autoconfigure.AdapterJsonRpcProperties;
import dev.rpcadapter.autoconfigure.AdapterWebSocketProperties;
import dev.rpcadapter.discovery.ApiInfo;
import dev.rpcadapter.dispatch.AsyncDeliveries;
import dev.rpcadapter.dispatch.JobEventSource;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import dev.rpcadapter.web.AdapterEndpoints;
import dev.rpcadapter.web.AdapterHealth;
import dev.rpcadapter.web.AdapterPaths;
import dev.rpcadapter.web.ApiDocumentCache;
import dev.rpcadapter.web.AsyncEndpoint;
import dev.rpcadapter.web.DocsPage;
import dev.rpcadapter.web.HealthDetailsVisibility;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.SocketSessions;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The server-neutral beans every transport serves ({@link AdapterEndpoints},
 * {@link AdapterPaths}, the {@code /docs} page, {@code /ws} sessions), imported by the
 * auto-configuration of each transport (Reactor Netty, servlet). Not API: imported, never
 * scanned.
 */
@Configuration(proxyBeanMethods = false)
public final class AdapterEndpointsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AdapterPaths adapterPaths(AdapterJsonRpcProperties jsonRpc, AdapterHttpEndpointsProperties http,
			AdapterWebSocketProperties webSocket) {
		return new AdapterPaths(jsonRpc.getPath(), jsonRpc.getBatchPath(), http.getCmdPath(), http.getCommandsPath(),
				http.getHealthPath(), http.getHeartbeatPath(), http.getOpenapiPath(), http.getOpenrpcPath(),
				http.getDocsPath(), webSocket.isEnabled() ? webSocket.getPath() : null);
	}

	@Bean
	@ConditionalOnMissingBean
	DocsPage adapterDocsPage(ApiInfo info, JsonRpcDispatcher dispatcher, ListableBeanFactory beans) {
		// the API-key box only where requests are authenticated (adapter.security.enabled
		// or an own
		// authenticator); asked of the bean definitions, never creating the authenticator
		// early (that
		// changes how the security beans are wired and slowed concurrent mTLS handshakes
		// in tests)
		boolean authenticated = beans.getBeanNamesForType(RequestAuthenticator.class, true, false).length > 0;
		return new DocsPage(info, dispatcher.mapper(), authenticated);
	}

	@Bean
	@ConditionalOnMissingBean
	AdapterEndpoints adapterEndpoints(JsonRpcDispatcher dispatcher, ApiDocumentCache documents, AdapterHealth health,
			ApiInfo info, DocsPage docsPage, AdapterInfoProperties infoProperties, Environment environment,
			ObjectProvider<HealthDetailsVisibility> healthDetails) {
		return new AdapterEndpoints(dispatcher, documents, health, info, docsPage,
				infoProperties.configuredUrl(environment),
				healthDetails.getIfAvailable(() -> HealthDetailsVisibility.ALWAYS));
	}

	@Bean
	@ConditionalOnMissingBean
	SocketSessions adapterSocketSessions(JsonRpcDispatcher dispatcher, ObjectProvider<JobEventSource> events,
			ObjectProvider<AsyncDeliveries> deliveries, AdapterWebSocketProperties properties) {
		return new SocketSessions(dispatcher, events.getIfAvailable(), deliveries.getIfAvailable(),
				(int) Math.min(Integer.MAX_VALUE, properties.getMaxFrameSize().toBytes()),
				properties.getMaxQueuedFrames(), properties.getMaxSessionLifetime());
	}

	/**
	 * {@code adapter.security.allowed-origins}: it belongs to the security properties
	 * (documented there) but applies with security off as well: a page elsewhere must not
	 * drive a browser's WebSocket to this server.
	 */
	public static List<String> allowedOrigins(Environment environment) {
		return Binder.get(environment)
			.bind("adapter.security.allowed-origins", Bindable.listOf(String.class))
			.orElse(List.of());
	}

	/**
	 * {@code POST /api/async} ({@code adapter.async.path}), or {@code null} when async
	 * calls are off.
	 */
	public static @Nullable AsyncEndpoint asyncEndpoint(@Nullable AsyncDeliveries deliveries,
			AdapterEndpoints endpoints, Environment environment) {
		if (deliveries == null) {
			return null;
		}
		return new AsyncEndpoint(environment.getProperty("adapter.async.path", "/api/async"), deliveries, endpoints);
	}

}
