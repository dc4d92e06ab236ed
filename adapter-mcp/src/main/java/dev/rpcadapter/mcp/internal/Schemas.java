package dev.rpcadapter.mcp.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A command's generated schemas as MCP tool schemas. MCP's default dialect is JSON Schema 2020-12,
 * which the generator writes; the {@code $schema} keyword is left out because several clients'
 * validators do not load the 2020-12 meta-schema by URI.
 */
final class Schemas {

	private Schemas() {
	}

	/** The params schema; MCP requires {@code type: object}. */
	static ObjectNode input(ObjectNode params) {
		ObjectNode schema = params.deepCopy();
		schema.remove("$schema");
		schema.put("type", "object");
		return schema;
	}

	/** The result schema when it describes an object (MCP's {@code structuredContent}), else {@code null}. */
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
