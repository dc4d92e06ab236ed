package dev.rpcadapter.autoconfigure.transfer;

/**
 * The transfer sessions should live in the database ({@code jdbc}), but the application
 * has no {@code DataSource}.
 */
public class TransferStoreWithoutDataSourceException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public TransferStoreWithoutDataSourceException() {
		super("adapter.transfers.store=jdbc (or adapter.queue.store=jdbc) needs a DataSource, but the application has none");
	}

}
