package dev.rpcadapter.autoconfigure.queue;

/**
 * {@code adapter.queue.store=jdbc} is set, but the application has no {@code DataSource}.
 */
public class JdbcStoreWithoutDataSourceException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public JdbcStoreWithoutDataSourceException() {
		super("adapter.queue.store=jdbc needs a DataSource, but the application has none");
	}

}
