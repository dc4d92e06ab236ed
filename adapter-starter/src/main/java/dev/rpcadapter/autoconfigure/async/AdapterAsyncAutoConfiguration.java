package dev.rpcadapter.autoconfigure.async;

import java.time.Clock;

import javax.sql.DataSource;

import dev.rpcadapter.autoconfigure.queue.JdbcStoreWithoutDataSourceException;
import dev.rpcadapter.dispatch.AsyncDeliveries;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@code POST /api/async} with {@code deliver_id}: an {@link AsyncDeliveries} bean
 * (served by the web auto-configuration on the Netty routes and {@code /ws}), on memory
 * or, following the queue's store unless {@code adapter.async.store} says otherwise, on
 * the application's database.
 */
@AutoConfiguration(afterName = { "dev.rpcadapter.autoconfigure.AdapterAutoConfiguration",
		"dev.rpcadapter.autoconfigure.security.AdapterSecurityAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@ConditionalOnBean(JsonRpcDispatcher.class)
@ConditionalOnProperty(prefix = "adapter.async", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(AdapterAsyncProperties.class)
public final class AdapterAsyncAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AdapterAsyncAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(AsyncDeliveries.class)
	DefaultAsyncDeliveries asyncDeliveries(AdapterAsyncProperties properties, Environment environment,
			JsonRpcDispatcher dispatcher, ObjectProvider<DataSource> dataSource,
			ObjectProvider<CommandAuthorizer> authorizer) {
		String store = (properties.getStore() != null) ? properties.getStore()
				: environment.getProperty("adapter.queue.store", "memory");
		DeliveryStore deliveries;
		if ("jdbc".equalsIgnoreCase(store)) {
			DataSource source = dataSource.getIfAvailable();
			if (source == null) {
				throw new JdbcStoreWithoutDataSourceException();
			}
			deliveries = new JdbcDeliveryStore(source, properties.getJdbcTable()).initialize();
		}
		else {
			deliveries = new InMemoryDeliveryStore();
		}
		CommandAuthorizer admins = authorizer.getIfAvailable(() -> CommandAuthorizer.ALLOW_ALL);
		logger.info("Async calls on {} with deliveries in {}", properties.getPath(),
				deliveries.isShared() ? "table " + properties.getJdbcTable() : "memory");
		return new DefaultAsyncDeliveries(deliveries, dispatcher.mapper(), properties, admins::isQueueAdmin,
				Clock.systemUTC())
			.start();
	}

}
