package dev.rpcadapter.dispatch;

import dev.rpcadapter.command.Caller;

/**
 * Decides whether a caller may call a command; consulted per call and per batch element.
 * It also decides who administers the queue and the transfers ({@link #isQueueAdmin}).
 */
@FunctionalInterface
public interface CommandAuthorizer {

	/**
	 * The permission that lets a caller see, stop and delete every caller's jobs and
	 * transfers. It is granted by configuration only (with security on: listed, or
	 * matched by a pattern such as {@code *}, under a role in
	 * {@code adapter.security.roles}); no role name grants it by itself.
	 */
	String QUEUE_ADMIN = "queue:admin";

	/** Allows everything and makes every caller a queue admin (security off). */
	CommandAuthorizer ALLOW_ALL = new CommandAuthorizer() {

		@Override
		public boolean isAllowed(Caller caller, String command) {
			return true;
		}

		@Override
		public boolean isQueueAdmin(Caller caller) {
			return true;
		}

	};

	boolean isAllowed(Caller caller, String command);

	/**
	 * Whether the caller holds {@link #QUEUE_ADMIN}. An authorizer that does not say
	 * otherwise makes nobody an admin: each caller sees its own jobs and transfers.
	 */
	default boolean isQueueAdmin(Caller caller) {
		return false;
	}

}
