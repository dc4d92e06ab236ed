package dev.rpcadapter.web;

import dev.rpcadapter.command.CommandDescriptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Example params for {@code /docs}, made from a command's params schema so that the
 * example call passes validation: required params and those with a default (an optional
 * param without one is left out: {@code help}'s example lists the commands), the first
 * enum value, numbers within bounds, strings within length, arrays with at least one
 * element, common string formats.
 */
final class ExampleValues {

	private static final JsonNodeFactory json = JsonNodeFactory.instance;

	private static final int MAX_DEPTH = 6;

	private ExampleValues() {
	}

	static ObjectNode params(CommandDescriptor command) {
		ObjectNode params = json.objectNode();
		for (CommandDescriptor.ParamInfo param : command.params()) {
			if (param.required() || param.schema().has("default")) {
				params.set(param.name(), of(param.schema(), 0));
			}
		}
		return params;
	}

	static JsonNode of(JsonNode schema, int depth) {
		if (schema.has("default")) {
			return schema.get("default");
		}
		if (schema.has("const")) {
			return schema.get("const");
		}
		if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
			return schema.get("enum").get(0);
		}
		for (String choice : new String[] { "oneOf", "anyOf" }) {
			if (schema.path(choice).isArray() && !schema.path(choice).isEmpty()) {
				return of(schema.get(choice).get(0), depth);
			}
		}
		return switch (schema.path("type").asString("")) {
			case "integer" -> json.numberNode(bounded(schema, 1).longValue());
			case "number" -> json.numberNode(bounded(schema, 1.5));
			case "boolean" -> json.booleanNode(true);
			case "array" -> array(schema, depth);
			case "object" -> object(schema, depth);
			case "null" -> json.nullNode();
			default -> json.stringNode(text(schema));
		};
	}

	private static Double bounded(JsonNode schema, double preferred) {
		double value = preferred;
		if (schema.has("minimum")) {
			value = Math.max(value, schema.get("minimum").asDouble());
		}
		if (schema.has("exclusiveMinimum")) {
			value = Math.max(value, schema.get("exclusiveMinimum").asDouble() + 1);
		}
		if (schema.has("maximum")) {
			value = Math.min(value, schema.get("maximum").asDouble());
		}
		if (schema.has("exclusiveMaximum")) {
			value = Math.min(value, schema.get("exclusiveMaximum").asDouble() - 1);
		}
		return value;
	}

	private static String text(JsonNode schema) {
		String text = switch (schema.path("format").asString("")) {
			case "email" -> "user@example.com";
			case "date-time" -> "2026-01-01T00:00:00Z";
			case "date" -> "2026-01-01";
			case "uuid" -> "00000000-0000-4000-8000-000000000000";
			case "uri" -> "https://example.com/";
			default -> "text";
		};
		int min = schema.path("minLength").asInt(0);
		int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
		while (text.length() < min) {
			text = text + "x";
		}
		return (text.length() > max) ? text.substring(0, max) : text;
	}

	private static JsonNode array(JsonNode schema, int depth) {
		ArrayNode array = json.arrayNode();
		if (depth >= MAX_DEPTH || schema.path("maxItems").asInt(1) < 1) {
			return array;
		}
		int count = Math.max(1, schema.path("minItems").asInt(1));
		for (int i = 0; i < count; i++) {
			array.add(of(schema.path("items"), depth + 1));
		}
		return array;
	}

	private static JsonNode object(JsonNode schema, int depth) {
		ObjectNode object = json.objectNode();
		if (depth >= MAX_DEPTH) {
			return object;
		}
		for (JsonNode required : schema.path("required")) {
			String name = required.asString();
			object.set(name, of(schema.path("properties").path(name), depth + 1));
		}
		return object;
	}

}
