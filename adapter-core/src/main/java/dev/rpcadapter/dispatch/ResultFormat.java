package dev.rpcadapter.dispatch;

/** How command results are written. */
public enum ResultFormat {

	/** JSON-RPC 2.0: the return value is the result; failures are JSON-RPC errors. */
	PLAIN,

	/**
	 * Seed-compatible: results as {@code {"success": true, "data": value}} and command
	 * failures as {@code {"success": false, "error": {...}}} inside {@code result}.
	 */
	ENVELOPE

}
