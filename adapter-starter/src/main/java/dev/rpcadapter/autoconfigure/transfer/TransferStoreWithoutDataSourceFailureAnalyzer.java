package dev.rpcadapter.autoconfigure.transfer;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains {@link TransferStoreWithoutDataSourceException}. */
class TransferStoreWithoutDataSourceFailureAnalyzer
		extends AbstractFailureAnalyzer<TransferStoreWithoutDataSourceException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TransferStoreWithoutDataSourceException cause) {
		return new FailureAnalysis(
				"File transfer sessions are configured to live in the database (adapter.transfers.store "
						+ "is jdbc, or unset while adapter.queue.store is jdbc), but the application has no DataSource.",
				"Configure a DataSource (spring.datasource.url with a JDBC driver such as org.postgresql:postgresql), "
						+ "or set adapter.transfers.store=memory.",
				cause);
	}

}
