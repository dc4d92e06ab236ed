package dev.rpcadapter.method;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How one method parameter is filled.
 *
 * @param kind where the value comes from
 * @param name the param name (value params only)
 * @param type the target type
 * @param required whether it must be given
 * @param defaultValue the default, as JSON
 * @param schema the parameter's schema
 */
record ParamBinding(Kind kind, String name, @Nullable JavaType type, boolean required, @Nullable JsonNode defaultValue,
		@Nullable ObjectNode schema) {

	enum Kind {

		VALUE, JOB, CALLER,
		/** The {@code McpExchange} of the call. */
		EXCHANGE,
		/**
		 * A {@code TransferRef}: a transfer id string in params, resolved for the caller
		 * at call time.
		 */
		TRANSFER

	}

	/** Whether the value comes from params. */
	boolean isValue() {
		return this.kind == Kind.VALUE || this.kind == Kind.TRANSFER;
	}

	boolean isOptional() {
		return this.type != null && this.type.getRawClass() == Optional.class;
	}

	boolean isPrimitive() {
		return this.type != null && this.type.isPrimitive();
	}
}
