package dev.rpcadapter.autoconfigure.web.servlet;

import java.time.Duration;

import dev.rpcadapter.autoconfigure.AdapterAutoConfiguration;
import dev.rpcadapter.autoconfigure.AdapterJsonRpcProperties;
import dev.rpcadapter.autoconfigure.web.AdapterEndpointsConfiguration;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.dispatch.AsyncDeliveries;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import dev.rpcadapter.web.AdapterEndpoints;
import dev.rpcadapter.web.AdapterPaths;
import dev.rpcadapter.web.CallerRunsScheduler;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.ResponseHeadersCustomizer;
import dev.rpcadapter.web.SocketSessions;
import dev.rpcadapter.web.servlet.AdapterServlet;
import dev.rpcadapter.web.servlet.ServletWebSocketUpgrade;
import jakarta.servlet.Servlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import reactor.core.scheduler.Schedulers;

/**
 * Serves the adapter's HTTP endpoints in a servlet application (Spring MVC on Tomcat,
 * Jetty, ...): one async {@link AdapterServlet} mapped to their exact paths, ahead of the
 * {@code DispatcherServlet}; {@code /ws} through Spring's WebSocket support when
 * {@code spring-websocket} and the container's {@code jakarta.websocket} server are
 * present. {@code /mcp} and the file-transfer endpoints are served by the Reactor Netty
 * transport only.
 */
@AutoConfiguration(after = AdapterAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Servlet.class, ServletRegistrationBean.class })
@ConditionalOnBean(JsonRpcDispatcher.class)
@Import(AdapterEndpointsConfiguration.class)
public final class AdapterServletAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AdapterServletAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	AdapterServlet adapterServlet(AdapterEndpoints endpoints, ObjectProvider<RequestAuthenticator> authenticator,
			AdapterPaths paths, AdapterJsonRpcProperties jsonRpc,
			ObjectProvider<ResponseHeadersCustomizer> headerCustomizers, Environment environment,
			ObjectProvider<AsyncDeliveries> deliveries, ObjectProvider<ServletWebSocketUpgrade> webSocket) {
		ServletWebSocketUpgrade upgrade = webSocket.getIfAvailable();
		if (paths.webSocket() != null && upgrade == null) {
			logger.info("rpc-adapter endpoint not mapped: {} (needs spring-websocket and a jakarta.websocket server)",
					paths.webSocket());
		}
		if (environment.getProperty("adapter.transfers.enabled", Boolean.class, false)) {
			logger.warn("rpc-adapter file transfer endpoints are served by the Reactor Netty transport only: "
					+ "in this servlet application the transfer commands have no upload/download endpoints");
		}
		return new AdapterServlet(endpoints, authenticator.getIfAvailable(() -> RequestAuthenticator.ANONYMOUS), paths,
				jsonRpc.getMaxBodySize().toBytes(), headerCustomizers.orderedStream().toList(),
				AdapterEndpointsConfiguration.allowedOrigins(environment),
				AdapterEndpointsConfiguration.asyncEndpoint(deliveries.getIfAvailable(), endpoints, environment),
				upgrade);
	}

	/**
	 * Blocking commands of single calls run on the request's container thread (no
	 * hand-off to the pool and back), unless a sync cap is in play: then the pool, so
	 * that the cap can answer early.
	 */
	@Bean
	@ConditionalOnMissingBean
	CallerRunsScheduler adapterCallerRunsScheduler(Environment environment, ObjectProvider<CommandRegistry> registry) {
		Duration globalCap = Binder.get(environment)
			.bind("adapter.queue.sync-cap", Duration.class)
			.orElse(Duration.ZERO);
		SyncCapFree noCaps = new SyncCapFree(registry);
		return new CallerRunsScheduler(Schedulers.boundedElastic(), () -> globalCap.isZero() && noCaps.getAsBoolean());
	}

	@Bean
	@ConditionalOnMissingBean(name = "adapterServletRegistration")
	ServletRegistrationBean<AdapterServlet> adapterServletRegistration(AdapterServlet servlet) {
		ServletRegistrationBean<AdapterServlet> registration = new ServletRegistrationBean<>(servlet,
				servlet.mappedPaths().toArray(String[]::new));
		registration.setName("rpcAdapterServlet");
		registration.setAsyncSupported(true);
		registration.setLoadOnStartup(1);
		for (String path : servlet.mappedPaths()) {
			logger.info("rpc-adapter endpoint mapped: {}", path);
		}
		return registration;
	}

	/**
	 * {@code /ws}, when Spring's WebSocket support and the container's WebSocket server
	 * are on the classpath.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = { "org.springframework.web.socket.WebSocketHandler", "jakarta.websocket.server.ServerContainer" })
	static class WebSocketConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ServletWebSocketUpgrade adapterServletWebSocketUpgrade(SocketSessions sessions,
				ObjectProvider<RequestAuthenticator> authenticator) {
			return new ServletWebSocketUpgrade(sessions,
					authenticator.getIfAvailable(() -> RequestAuthenticator.ANONYMOUS));
		}

	}

}
