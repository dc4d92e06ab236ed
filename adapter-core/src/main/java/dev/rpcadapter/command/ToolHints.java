package dev.rpcadapter.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Hints about a {@link JsonRpcCommand} method's behaviour for MCP clients (the tool's
 * {@code annotations}). Hints, not guarantees: a client must not make security decisions
 * on them. Without this annotation MCP's defaults apply (may write, may be destructive,
 * not idempotent, open world).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ToolHints {

	/** A human title for the tool; empty uses none. */
	String title() default "";

	/** Whether the command only reads (changes nothing). */
	boolean readOnly() default false;

	/**
	 * Whether a writing command may destroy or overwrite data (meaningless when
	 * read-only).
	 */
	boolean destructive() default true;

	/** Whether calling again with the same arguments has no further effect. */
	boolean idempotent() default false;

	/**
	 * Whether the command reaches entities outside the server (the web, other systems).
	 */
	boolean openWorld() default true;

}
