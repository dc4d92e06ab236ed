package dev.rpcadapter.schema;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Type;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates self-contained JSON Schemas (no {@code $ref}, single-string {@code type}
 * values, so OpenAPI consumers can embed them) for Java types, including Jakarta Bean
 * Validation constraints.
 */
public interface SchemaGenerator {

	/** The schema of a type, e.g. a method's return type. */
	ObjectNode schemaFor(Type type);

	/**
	 * The schema of a method parameter or other annotated element of the given type, with
	 * the element's own constraints ({@code @Size}, {@code @Min}, {@code @Pattern}, ...)
	 * applied.
	 */
	ObjectNode schemaFor(Type type, AnnotatedElement element);

	/** Creates the default generator (victools jsonschema-generator, draft 2020-12). */
	static SchemaGenerator create(ObjectMapper mapper) {
		return new dev.rpcadapter.schema.VictoolsSchemaGenerator(mapper);
	}

}
