package dev.rpcadapter.autoconfigure.queue;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains {@code adapter.queue.store=jdbc} without a {@code DataSource}, and how to fix
 * it.
 */
class JdbcStoreWithoutDataSourceFailureAnalyzer extends AbstractFailureAnalyzer<JdbcStoreWithoutDataSourceException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, JdbcStoreWithoutDataSourceException cause) {
		return new FailureAnalysis(
				"The job queue is configured with adapter.queue.store=jdbc, which keeps jobs and Quartz's triggers in the "
						+ "application's DataSource, but no DataSource bean exists.",
				"Add spring-boot-starter-jdbc and the PostgreSQL driver (org.postgresql:postgresql) to the application "
						+ "and set spring.datasource.url (with spring.datasource.username/password), or define a "
						+ "DataSource bean; or set adapter.queue.store=memory to keep jobs in memory.",
				cause);
	}

}
