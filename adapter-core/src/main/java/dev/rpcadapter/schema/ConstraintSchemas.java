package dev.rpcadapter.schema;

import java.lang.reflect.AnnotatedElement;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** Applies Bean Validation constraints of a method parameter to its JSON Schema. */
final class ConstraintSchemas {

	private ConstraintSchemas() {
	}

	static void apply(AnnotatedElement element, ObjectNode schema) {
		String type = schema.path("type").asString("");
		boolean array = "array".equals(type);
		boolean text = "string".equals(type);
		Size size = element.getAnnotation(Size.class);
		if (size != null) {
			if (size.min() > 0) {
				schema.put(array ? "minItems" : text ? "minLength" : "minProperties", size.min());
			}
			if (size.max() < Integer.MAX_VALUE) {
				schema.put(array ? "maxItems" : text ? "maxLength" : "maxProperties", size.max());
			}
		}
		if (element.isAnnotationPresent(NotBlank.class) || element.isAnnotationPresent(NotEmpty.class)) {
			schema.put(array ? "minItems" : "minLength",
					Math.max(1, schema.path(array ? "minItems" : "minLength").asInt(0)));
		}
		Min min = element.getAnnotation(Min.class);
		if (min != null) {
			schema.put("minimum", min.value());
		}
		Max max = element.getAnnotation(Max.class);
		if (max != null) {
			schema.put("maximum", max.value());
		}
		DecimalMin decimalMin = element.getAnnotation(DecimalMin.class);
		if (decimalMin != null) {
			schema.put(decimalMin.inclusive() ? "minimum" : "exclusiveMinimum",
					new java.math.BigDecimal(decimalMin.value()));
		}
		DecimalMax decimalMax = element.getAnnotation(DecimalMax.class);
		if (decimalMax != null) {
			schema.put(decimalMax.inclusive() ? "maximum" : "exclusiveMaximum",
					new java.math.BigDecimal(decimalMax.value()));
		}
		if (element.isAnnotationPresent(Positive.class)) {
			schema.put("exclusiveMinimum", 0);
		}
		if (element.isAnnotationPresent(PositiveOrZero.class)) {
			schema.put("minimum", 0);
		}
		if (element.isAnnotationPresent(Negative.class)) {
			schema.put("exclusiveMaximum", 0);
		}
		if (element.isAnnotationPresent(NegativeOrZero.class)) {
			schema.put("maximum", 0);
		}
		Pattern pattern = element.getAnnotation(Pattern.class);
		if (pattern != null) {
			schema.put("pattern", pattern.regexp());
		}
		if (element.isAnnotationPresent(Email.class)) {
			schema.put("format", "email");
		}
	}

}
