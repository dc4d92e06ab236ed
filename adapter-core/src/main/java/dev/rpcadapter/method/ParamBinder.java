package dev.rpcadapter.method;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcError.ParamError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** Binds JSON params to method arguments strictly and validates them. */
final class ParamBinder {

	private final ObjectMapper mapper;

	private final @Nullable Validator validator;

	private final java.util.Map<Method, Boolean> constrained = new java.util.concurrent.ConcurrentHashMap<>();

	ParamBinder(ObjectMapper mapper, @Nullable Validator validator) {
		this.mapper = strict(mapper);
		this.validator = validator;
	}

	private static ObjectMapper strict(ObjectMapper mapper) {
		if (mapper instanceof JsonMapper json) {
			return json.rebuild()
				.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
				.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
				.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
				.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				// ALLOW_COERCION_OF_SCALARS does not stop numbers and booleans from
				// becoming strings
				.withCoercionConfig(LogicalType.Textual,
						(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
				.build();
		}
		return mapper;
	}

	/**
	 * Returns the bound value arguments (injected slots left null); throws {@code -32602}
	 * on any error.
	 */
	@Nullable Object[] bind(@Nullable JsonNode params, List<ParamBinding> bindings, boolean acceptsExtra) {
		List<ParamError> errors = new ArrayList<>();
		JsonNode[] given = collect(params, bindings, acceptsExtra, errors);
		Object[] args = new Object[bindings.size()];
		for (int i = 0; i < bindings.size(); i++) {
			ParamBinding binding = bindings.get(i);
			if (binding.isValue()) {
				args[i] = convert(binding, given[i], errors);
			}
		}
		if (!errors.isEmpty()) {
			throw new JsonRpcException(JsonRpcError.invalidParams(errors));
		}
		return args;
	}

	private JsonNode[] collect(@Nullable JsonNode params, List<ParamBinding> bindings, boolean acceptsExtra,
			List<ParamError> errors) {
		JsonNode[] given = new JsonNode[bindings.size()];
		if (params == null || params.isNull()) {
			return given;
		}
		if (params.isArray()) {
			int index = 0;
			for (int i = 0; i < bindings.size() && index < params.size(); i++) {
				if (bindings.get(i).isValue()) {
					given[i] = params.get(index++);
				}
			}
			if (index < params.size()) {
				errors.add(new ParamError("params",
						"too many positional params: expected at most " + index + ", got " + params.size()));
			}
			return given;
		}
		for (int i = 0; i < bindings.size(); i++) {
			given[i] = bindings.get(i).isValue() ? params.get(bindings.get(i).name()) : null;
		}
		if (!acceptsExtra) {
			Iterator<String> names = params.propertyNames().iterator();
			while (names.hasNext()) {
				String name = names.next();
				if (bindings.stream().noneMatch((b) -> b.isValue() && b.name().equals(name))) {
					errors.add(new ParamError(name, "unknown parameter"));
				}
			}
		}
		return given;
	}

	private @Nullable Object convert(ParamBinding binding, @Nullable JsonNode node, List<ParamError> errors) {
		if (node == null || node.isMissingNode()) {
			if (binding.defaultValue() != null) {
				node = binding.defaultValue();
			}
			else if (binding.isOptional()) {
				return Optional.empty();
			}
			else if (binding.required()) {
				errors.add(new ParamError(binding.name(), "is required"));
				return null;
			}
			else {
				return null;
			}
		}
		if (node.isNull() && binding.isPrimitive()) {
			errors.add(new ParamError(binding.name(), "must not be null"));
			return null;
		}
		try {
			return this.mapper.treeToValue(node, binding.type());
		}
		catch (JacksonException ex) {
			errors.add(new ParamError(binding.name(), describe(binding, ex)));
			return null;
		}
	}

	private static String describe(ParamBinding binding, JacksonException ex) {
		String path = "";
		if (ex instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			StringBuilder builder = new StringBuilder();
			for (JacksonException.Reference ref : databind.getPath()) {
				if (ref.getPropertyName() != null) {
					builder.append('.').append(ref.getPropertyName());
				}
				else if (ref.getIndex() >= 0) {
					builder.append('[').append(ref.getIndex()).append(']');
				}
			}
			path = builder.toString();
		}
		String message = ex.getOriginalMessage();
		if (message != null && message.startsWith("Unrecognized property")) {
			return "unknown property at " + (path.isEmpty() ? "top level" : path.substring(1));
		}
		String type = binding.schema() == null ? "" : binding.schema().path("type").asString("");
		String expected = type.isEmpty() ? "a valid value" : article(type) + " " + type;
		return path.isEmpty() ? "must be " + expected
				: "invalid value at " + path.substring(1) + " (expected " + expected + ")";
	}

	private static String article(String type) {
		return type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an" : "a";
	}

	/**
	 * Runs Bean Validation on the bound arguments; throws {@code -32602} listing each
	 * violation.
	 */
	void validate(Object bean, Method method, List<ParamBinding> bindings, @Nullable Object[] args) {
		Validator validator = this.validator;
		if (validator == null || !isConstrained(validator, bean.getClass(), method)) {
			return;
		}
		Set<ConstraintViolation<Object>> violations = validator.forExecutables().validateParameters(bean, method, args);
		if (violations.isEmpty()) {
			return;
		}
		List<ParamError> errors = new ArrayList<>();
		for (ConstraintViolation<Object> violation : violations) {
			errors.add(new ParamError(paramPath(violation.getPropertyPath(), bindings), violation.getMessage()));
		}
		errors.sort((a, b) -> a.param().compareTo(b.param()));
		throw new JsonRpcException(JsonRpcError.invalidParams(errors));
	}

	/**
	 * Whether Bean Validation has anything to check on the method (cached per method).
	 */
	private boolean isConstrained(Validator validator, Class<?> type, Method method) {
		return this.constrained.computeIfAbsent(method, (m) -> {
			try {
				return validator.getConstraintsForClass(type)
					.getConstraintsForMethod(m.getName(), m.getParameterTypes()) != null;
			}
			catch (RuntimeException ex) {
				return true;
			}
		});
	}

	private static String paramPath(Path path, List<ParamBinding> bindings) {
		StringBuilder builder = new StringBuilder();
		for (Path.Node node : path) {
			if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
				int index = node.as(Path.ParameterNode.class).getParameterIndex();
				builder.append(bindings.get(index).name());
			}
			else if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
				if (node.getIndex() != null) {
					builder.append('[').append(node.getIndex()).append(']');
				}
				builder.append('.').append(node.getName());
			}
		}
		return builder.length() == 0 ? "params" : builder.toString();
	}

}
