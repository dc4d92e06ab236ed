package dev.rpcadapter.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What is known about a command: its name, description, schemas and execution options.
 *
 * <p>
 * The params schema is the one source of truth for a command's parameters:
 * {@link #params()} is derived from it (its {@code properties} in declaration order,
 * which is also the positional order, its {@code required} list and each property's
 * {@code description}), and every published document (OpenRPC, OpenAPI, {@code help},
 * {@code /commands}, {@code /docs}) reads one or the other.
 *
 * @param name the unique command name
 * @param description a human description
 * @param queued whether calls become jobs
 * @param paramsSchema the JSON Schema of the params object
 * @param resultSchema the JSON Schema of the result
 * @param params the declared parameters, in positional order: derived from
 * {@code paramsSchema}; pass an empty list (or the same list) — a list that disagrees
 * with the schema is rejected
 * @param timeout an explicit execution timeout, or {@code null} for the configured
 * default
 * @param recoverable whether an interrupted job may be run again
 * @param acceptsExtraParams whether undeclared params are accepted
 * @param source where the command comes from (bean name and method), for diagnostics
 * @param syncCap for a non-queued command, how long a call may run before it is handed to
 * the queue; {@code null} for the configured default, {@link Duration#ZERO} for never
 */
public record CommandDescriptor(String name, String description, boolean queued, ObjectNode paramsSchema,
		ObjectNode resultSchema, List<ParamInfo> params, @Nullable Duration timeout, boolean recoverable,
		boolean acceptsExtraParams, String source, @Nullable Duration syncCap) {

	public CommandDescriptor {
		Objects.requireNonNull(name, "name");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A command name must not be blank");
		}
		Objects.requireNonNull(paramsSchema, "paramsSchema");
		List<ParamInfo> derived = ParamInfo.fromSchema(paramsSchema);
		if (!params.isEmpty() && !params.equals(derived)) {
			throw new IllegalArgumentException("The params of command '" + name + "' " + params
					+ " disagree with its params schema " + derived + "; give only the schema");
		}
		params = derived;
	}

	/**
	 * Starts a descriptor for a programmatically registered command; schemas default to
	 * "any object".
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * One declared parameter.
	 *
	 * @param name the parameter name
	 * @param description its description
	 * @param required whether it must be given
	 * @param schema its JSON Schema
	 */
	public record ParamInfo(String name, String description, boolean required, ObjectNode schema) {

		/**
		 * The parameters a params schema declares: its {@code properties} in order,
		 * required if listed in {@code required}, described by each property's
		 * {@code description}.
		 */
		public static List<ParamInfo> fromSchema(ObjectNode paramsSchema) {
			JsonNode properties = paramsSchema.path("properties");
			Set<String> required = new HashSet<>();
			paramsSchema.path("required").forEach((n) -> required.add(n.asString()));
			List<ParamInfo> params = new ArrayList<>();
			for (Map.Entry<String, JsonNode> property : properties.properties()) {
				ObjectNode schema = (property.getValue() instanceof ObjectNode object) ? object
						: JsonNodeFactory.instance.objectNode();
				params.add(new ParamInfo(property.getKey(), schema.path("description").asString(""),
						required.contains(property.getKey()), schema));
			}
			return List.copyOf(params);
		}
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

		/**
		 * Optional: the params are derived from {@link #paramsSchema}; a list that
		 * disagrees with it is rejected.
		 */
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

		/**
		 * How long a non-queued call may run before it is handed to the queue; zero for
		 * never.
		 */
		public Builder syncCap(@Nullable Duration syncCap) {
			this.syncCap = syncCap;
			return this;
		}

		public CommandDescriptor build() {
			return new CommandDescriptor(this.name, this.description, this.queued, this.paramsSchema, this.resultSchema,
					this.params, this.timeout, this.recoverable, this.acceptsExtraParams, this.source, this.syncCap);
		}

	}
}
