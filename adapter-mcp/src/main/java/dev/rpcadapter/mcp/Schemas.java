package dev.rpcadapter.mcp;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A command's generated schemas as MCP tool schemas, in JSON Schema 2020-12 (what the
 * generator writes, and MCP's default dialect). The input schema names its dialect
 * ({@code $schema}); the output schema does not, because clients compile it with
 * validators that cannot load the 2020-12 meta-schema by URI.
 */
final class Schemas {

	static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

	private Schemas() {
	}

	/** The params schema; MCP requires {@code type: object}. */
	static ObjectNode input(ObjectNode params) {
		ObjectNode schema = params.deepCopy();
		if (!schema.has("$schema")) {
			schema.put("$schema", DIALECT);
		}
		schema.put("type", "object");
		return schema;
	}

	/**
	 * The result schema when it describes an object (MCP's {@code structuredContent}),
	 * else {@code null}.
	 */
	static @Nullable ObjectNode output(ObjectNode result) {
		JsonNode type = result.get("type");
		if (type == null || !type.isString() || !"object".equals(type.asString())) {
			return null;
		}
		ObjectNode schema = result.deepCopy();
		schema.remove("$schema");
		return schema;
	}

}
