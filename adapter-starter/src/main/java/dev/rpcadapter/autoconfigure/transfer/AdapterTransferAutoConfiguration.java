package dev.rpcadapter.autoconfigure.transfer;

import javax.sql.DataSource;

import dev.rpcadapter.web.AdapterEndpoints;
import dev.rpcadapter.web.RequestAuthenticator;
import dev.rpcadapter.web.ResponseHeadersCustomizer;
import dev.rpcadapter.web.netty.TransferRoutes;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import dev.rpcadapter.queue.JobQueue;
import dev.rpcadapter.transfer.TransferCommands;
import dev.rpcadapter.transfer.TransferSessions;
import dev.rpcadapter.transfer.TransferStore;
import dev.rpcadapter.transfer.Transfers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * File transfers when {@code adapter.transfers.enabled=true}: the {@link Transfers}
 * service over a {@link TransferSessions} (memory, or jdbc in the job store's DataSource)
 * and a {@link TransferStore} (a directory), the {@code transfer_*} commands, the raw
 * endpoints, the cleanup sweep, and job artifacts in the queue's job objects and
 * {@code /ws} events.
 */
@AutoConfiguration(afterName = { "dev.rpcadapter.autoconfigure.AdapterAutoConfiguration",
		"dev.rpcadapter.autoconfigure.queue.AdapterQueueAutoConfiguration",
		"dev.rpcadapter.autoconfigure.web.AdapterWebAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@ConditionalOnProperty(prefix = "adapter.transfers", name = "enabled", havingValue = "true")
@ConditionalOnBean(CommandRegistry.class)
@EnableConfigurationProperties(AdapterTransferProperties.class)
public final class AdapterTransferAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AdapterTransferAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	TransferSessions transferSessions(AdapterTransferProperties properties, Environment environment,
			ObjectProvider<DataSource> dataSource) {
		AdapterTransferProperties.Store store = properties.getStore();
		if (store == null) {
			store = "jdbc".equalsIgnoreCase(environment.getProperty("adapter.queue.store"))
					? AdapterTransferProperties.Store.JDBC : AdapterTransferProperties.Store.MEMORY;
		}
		if (store == AdapterTransferProperties.Store.MEMORY) {
			return TransferSessions.inMemory();
		}
		DataSource source = dataSource.getIfAvailable();
		if (source == null) {
			throw new TransferStoreWithoutDataSourceException();
		}
		return TransferSessions.jdbc(source, properties.getJdbcTable());
	}

	@Bean
	@ConditionalOnMissingBean
	TransferStore transferStore(AdapterTransferProperties properties) {
		return TransferStore.directory(properties.resolvedDir());
	}

	@Bean
	@ConditionalOnMissingBean
	Transfers transfers(TransferSessions sessions, TransferStore store, AdapterTransferProperties properties,
			ObjectProvider<CommandAuthorizer> authorizer) {
		Transfers transfers = Transfers.builder(sessions, store)
			.retention(properties.getRetention())
			.maxSize(properties.getMaxSize().toBytes())
			.defaultChunkSize(Math.toIntExact(properties.getChunkSize().toBytes()))
			.maxChunkSize(Math.toIntExact(properties.getMaxChunkSize().toBytes()))
			.admins(authorizer.getIfAvailable(() -> CommandAuthorizer.ALLOW_ALL)::isQueueAdmin)
			.build();
		logger.info("File transfers: {} sessions, bytes in {}", sessions.kind(), store);
		return transfers;
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	TransferSweeper transferSweeper(Transfers transfers, AdapterTransferProperties properties) {
		return new TransferSweeper(transfers, properties.getCleanupInterval());
	}

	@Bean
	@ConditionalOnMissingBean(name = "transferCommandsRegistrar")
	SmartInitializingSingleton transferCommandsRegistrar(Transfers transfers, CommandRegistry registry) {
		return () -> {
			for (Command command : TransferCommands.of(transfers)) {
				if (registry.find(command.name()).isEmpty()) {
					registry.register(command);
				}
			}
		};
	}

	/** Job artifacts: listed in job objects, announced to the job's subscribers. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JobQueue.class)
	@ConditionalOnBean(JobQueue.class)
	static class ArtifactConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "transferArtifactsRegistrar")
		SmartInitializingSingleton transferArtifactsRegistrar(Transfers transfers, JobQueue queue) {
			return () -> JobArtifacts.attach(transfers, queue);
		}

	}

	/**
	 * {@code PUT {path}/{id}/chunks/{index}} and {@code GET {path}/{id}} on the Netty
	 * server.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(NettyRouteProvider.class)
	@ConditionalOnBean(AdapterEndpoints.class)
	static class RoutesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TransferRoutes transferRoutes(Transfers transfers, ObjectProvider<RequestAuthenticator> authenticator,
				CommandAuthorizer authorizer, AdapterEndpoints endpoints, AdapterTransferProperties properties,
				ObjectProvider<ResponseHeadersCustomizer> headerCustomizers) {
			TransferRoutes routes = new TransferRoutes(transfers,
					authenticator.getIfAvailable(() -> RequestAuthenticator.ANONYMOUS), authorizer, endpoints,
					properties.getPath(), headerCustomizers.orderedStream().toList());
			routes.mappedPaths().forEach((path) -> logger.info("rpc-adapter endpoint mapped: {}", path));
			return routes;
		}

	}

}
