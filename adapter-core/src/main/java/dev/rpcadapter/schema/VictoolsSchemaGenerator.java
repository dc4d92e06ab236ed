package dev.rpcadapter.schema;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@link SchemaGenerator} on victools jsonschema-generator, with a cache per type. */
final class VictoolsSchemaGenerator implements SchemaGenerator {

	private static final Logger logger = LoggerFactory.getLogger(VictoolsSchemaGenerator.class);

	private final com.github.victools.jsonschema.generator.SchemaGenerator generator;

	private final Map<Type, ObjectNode> cache = new ConcurrentHashMap<>();

	public VictoolsSchemaGenerator(ObjectMapper mapper) {
		SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(mapper, SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON)
			.with(new JacksonSchemaModule())
			.with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
					JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
			.with(Option.INLINE_ALL_SCHEMAS)
			.without(Option.SCHEMA_VERSION_INDICATOR);
		this.generator = new com.github.victools.jsonschema.generator.SchemaGenerator(builder.build());
	}

	@Override
	public ObjectNode schemaFor(Type type) {
		return this.cache.computeIfAbsent(type, this::generate).deepCopy();
	}

	@Override
	public ObjectNode schemaFor(Type type, AnnotatedElement element) {
		ObjectNode schema = schemaFor(type);
		ConstraintSchemas.apply(element, schema);
		return schema;
	}

	private ObjectNode generate(Type type) {
		try {
			return this.generator.generateSchema(type);
		}
		catch (RuntimeException ex) {
			// recursive types cannot be inlined; describe them loosely rather than fail
			// startup
			logger.debug("Falling back to a loose schema for {}: {}", type.getTypeName(), ex.getMessage());
			return JsonNodeFactory.instance.objectNode();
		}
	}

}
