package dev.rpcadapter.command;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What is known about a command: its name, description, schemas and execution options.
 *
 * @param name the unique command name
 * @param description a human description
 * @param queued whether calls become jobs
 * @param paramsSchema the JSON Schema of the params object
 * @param resultSchema the JSON Schema of the result
 * @param params the declared parameters, in positional order
 * @param timeout an explicit execution timeout, or {@code null} for the configured default
 * @param recoverable whether an interrupted job may be run again
 * @param acceptsExtraParams whether undeclared params are accepted
 * @param source where the command comes from (bean name and method), for diagnostics
 * @param syncCap for a non-queued command, how long a call may run before it is handed to the
 *        queue; {@code null} for the configured default, {@link Duration#ZERO} for never
 */
public record CommandDescriptor(String name, String description, boolean queued, ObjectNode paramsSchema,
		ObjectNode resultSchema, List<ParamInfo> params, @Nullable Duration timeout, boolean recoverable,
		boolean acceptsExtraParams, String source, @Nullable Duration syncCap) {

	public CommandDescriptor {
		Objects.requireNonNull(name, "name");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A command name must not be blank");
		}
		params = List.copyOf(params);
	}

	/** Starts a descriptor for a programmatically registered command; schemas default to "any object". */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * One declared parameter.
	 * @param name the parameter name
	 * @param description its description
	 * @param required whether it must be given
	 * @param schema its JSON Schema
	 */
	public record ParamInfo(String name, String description, boolean required, ObjectNode schema) {
	}

	/** Builds a {@link CommandDescriptor}. */
	public static final class Builder {

		private final String name;

		private String description = "";

		private boolean queued;

		private ObjectNode paramsSchema = JsonNodeFactory.instance.objectNode().put("type", "object");

		private ObjectNode resultSchema = JsonNodeFactory.instance.objectNode();

		private List<ParamInfo> params = List.of();

		private @Nullable Duration timeout;

		private boolean recoverable;

		private boolean acceptsExtraParams = true;

		private String source = "programmatic";

		private @Nullable Duration syncCap;

		private Builder(String name) {
			this.name = name;
		}

		public Builder description(String description) {
			this.description = description;
			return this;
		}

		public Builder queued(boolean queued) {
			this.queued = queued;
			return this;
		}

		public Builder paramsSchema(ObjectNode schema) {
			this.paramsSchema = schema;
			return this;
		}

		public Builder resultSchema(ObjectNode schema) {
			this.resultSchema = schema;
			return this;
		}

		public Builder params(List<ParamInfo> params) {
			this.params = params;
			return this;
		}

		public Builder timeout(@Nullable Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		public Builder recoverable(boolean recoverable) {
			this.recoverable = recoverable;
			return this;
		}

		public Builder acceptsExtraParams(boolean accepts) {
			this.acceptsExtraParams = accepts;
			return this;
		}

		public Builder source(String source) {
			this.source = source;
			return this;
		}

		/** How long a non-queued call may run before it is handed to the queue; zero for never. */
		public Builder syncCap(@Nullable Duration syncCap) {
			this.syncCap = syncCap;
			return this;
		}

		public CommandDescriptor build() {
			return new CommandDescriptor(this.name, this.description, this.queued, this.paramsSchema,
					this.resultSchema, this.params, this.timeout, this.recoverable, this.acceptsExtraParams,
					this.source, this.syncCap);
		}
	}
}
