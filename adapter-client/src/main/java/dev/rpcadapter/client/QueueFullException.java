package dev.rpcadapter.client;

/**
 * Code {@code -32006}: the job queue is full or the server is overloaded; retry later.
 */
public class QueueFullException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	public QueueFullException(RpcError error, int httpStatus) {
		super(error, httpStatus);
	}

}
