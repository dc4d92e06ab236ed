package dev.rpcadapter.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names and documents one parameter of a {@link JsonRpcCommand} method. */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CommandParam {

	/** Marker for "no default value". */
	String NO_DEFAULT = "\u0000__no_default__";

	/** The parameter name; defaults to the compiled name ({@code -parameters}). */
	String value() default "";

	/** A description for schemas and docs. */
	String description() default "";

	/**
	 * A default value used when the parameter is absent, as JSON ({@code 3}, {@code "x"},
	 * {@code [1,2]}) or as a plain string for string parameters. Setting it makes the
	 * parameter optional.
	 */
	String defaultValue() default NO_DEFAULT;

	/**
	 * Whether the parameter must be given; {@code Optional} parameters and those with a
	 * default never are.
	 */
	boolean required() default true;

}
