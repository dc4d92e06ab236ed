package dev.rpcadapter.web.servlet;

/**
 * A chunked request body grew past {@code adapter.jsonrpc.max-body-size} while it was
 * read.
 */
final class BodyTooLargeException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	BodyTooLargeException() {
		super("body too large", null, false, false);
	}

}
