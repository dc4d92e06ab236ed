package dev.rpcadapter.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers a method of a Spring bean as a JSON-RPC command. Any visibility works (a
 * package-private class and method too); the annotation may also sit on an interface or
 * superclass method that the bean implements or overrides. A method that cannot be called
 * (static, or private/final on a bean behind a class-based proxy) fails startup with
 * {@link CommandMethodNotInvocableException}.
 *
 * <p>
 * Parameters are bound by name (from {@link CommandParam} or from {@code -parameters}) or
 * by position. {@link JobContext}, {@link Caller} and {@link McpExchange} parameters are
 * injected, never read from params.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JsonRpcCommand {

	/**
	 * The command name; defaults to the method name. Names starting with {@code rpc.} are
	 * reserved.
	 */
	String name() default "";

	/**
	 * A human description shown in {@code help}, {@code /commands}, OpenAPI, OpenRPC and
	 * {@code /docs}.
	 */
	String description() default "";

	/** Whether calls are queued as jobs and answered at once with a {@code job_id}. */
	boolean queued() default false;

	/**
	 * Execution timeout as a duration ({@code 30s}, {@code 5m}, ISO-8601 {@code PT1H});
	 * empty uses the configured default ({@code adapter.jsonrpc.default-timeout}, or
	 * {@code adapter.queue.default-timeout} for queued commands).
	 */
	String timeout() default "";

	/**
	 * For a non-queued command: how long a call may run inside its request before it is
	 * handed to the queue as a running job (the caller gets a {@code job_id} with
	 * {@code queued_after_timeout}; the work is not restarted). Empty uses
	 * {@code adapter.queue.sync-cap}; {@code 0} never hands off.
	 */
	String syncCap() default "";

	/**
	 * Whether a queued job that was running when its server died may be run again by a
	 * surviving or restarted node. When {@code false} such a job is marked
	 * {@code failed}.
	 */
	boolean recoverable() default false;

	/** Whether parameters not declared by the method are accepted (and ignored). */
	boolean acceptsExtraParams() default false;

	/**
	 * Whether the method may block. Blocking methods run on a worker thread pool, never
	 * on the server's event loop. Methods returning {@code Mono} or
	 * {@code CompletionStage} are treated as non-blocking unless this is set explicitly
	 * to {@code true}.
	 */
	Blocking blocking() default Blocking.AUTO;

	/** How a command method is scheduled. */
	enum Blocking {

		/**
		 * Non-blocking when the method returns {@code Mono}/{@code CompletionStage},
		 * blocking otherwise.
		 */
		AUTO,
		/** Always run on a worker thread. */
		YES,
		/** Run on the calling thread (the method must not block). */
		NO

	}

}
