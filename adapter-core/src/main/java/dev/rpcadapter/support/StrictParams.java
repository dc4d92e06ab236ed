package dev.rpcadapter.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcError.ParamError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the params of a built-in command strictly: by name or by position, unknown names
 * refused. Problems are collected; {@link #validate()} reports them all at once as one
 * {@code -32602}.
 */
public final class StrictParams {

	private final ObjectNode params = JsonNodeFactory.instance.objectNode();

	private final List<ParamError> errors = new ArrayList<>();

	/**
	 * @param given the call's params: an object, an array (by position), or absent
	 * @param names the parameter names, in positional order
	 */
	public StrictParams(@Nullable JsonNode given, List<String> names) {
		if (given == null || given.isNull()) {
			return;
		}
		if (given.isArray()) {
			for (int i = 0; i < given.size(); i++) {
				if (i < names.size()) {
					this.params.set(names.get(i), given.get(i));
				}
				else {
					this.errors.add(new ParamError("[" + i + "]", "unexpected positional parameter"));
				}
			}
			return;
		}
		Set<String> known = Set.copyOf(names);
		for (String name : given.propertyNames()) {
			if (known.contains(name)) {
				this.params.set(name, given.get(name));
			}
			else {
				this.errors.add(new ParamError(name, "unknown parameter"));
			}
		}
	}

	/**
	 * Reads params against an object schema: its {@code properties} in order are the
	 * names.
	 */
	public static StrictParams forSchema(@Nullable JsonNode given, ObjectNode schema) {
		List<String> names = new ArrayList<>();
		schema.path("properties").propertyNames().forEach(names::add);
		return new StrictParams(given, names);
	}

	/** A required non-empty string ({@code ""} after recording the problem). */
	public String requiredString(String name) {
		String value = optionalString(name);
		if (value == null && !this.params.has(name)) {
			this.errors.add(new ParamError(name, "is required"));
		}
		return (value != null) ? value : "";
	}

	/** A non-empty string, or {@code null} when absent. */
	public @Nullable String optionalString(String name) {
		JsonNode value = this.params.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString() || value.asString().isEmpty()) {
			this.errors.add(new ParamError(name, "must be a non-empty string"));
			return null;
		}
		return value.asString();
	}

	/** A string or a list of strings; empty when absent. */
	public List<String> stringList(String name) {
		JsonNode value = this.params.get(name);
		if (value == null || value.isNull()) {
			return List.of();
		}
		List<String> values = new ArrayList<>();
		for (JsonNode item : value.isArray() ? value : List.of(value)) {
			if (!item.isString() || item.asString().isEmpty()) {
				this.errors.add(new ParamError(name, "must be a non-empty string or a list of them"));
				return List.of();
			}
			values.add(item.asString());
		}
		return values;
	}

	/** An integer in {@code [min, max]}, {@code defaultValue} when absent. */
	public int integer(String name, int defaultValue, int min, int max) {
		Long value = optionalLong(name, min, max);
		return (value != null) ? value.intValue() : defaultValue;
	}

	/** An integer in {@code [min, max]}, or {@code null} when absent. */
	public @Nullable Long optionalLong(String name, long min, long max) {
		JsonNode value = this.params.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
			this.errors.add(new ParamError(name, "must be an integer from " + min + " to " + max));
			return null;
		}
		return value.asLong();
	}

	/**
	 * A required integer in {@code [min, max]} ({@code 0} after recording the problem).
	 */
	public long requiredLong(String name, long min, long max) {
		Long value = optionalLong(name, min, max);
		if (value == null && !this.params.has(name)) {
			this.errors.add(new ParamError(name, "is required"));
		}
		return (value != null) ? value : 0;
	}

	/** Records a problem found by the caller's own checks. */
	public void reject(String name, String message) {
		this.errors.add(new ParamError(name, message));
	}

	/**
	 * @throws JsonRpcException {@code -32602} listing every problem found
	 */
	public void validate() {
		if (!this.errors.isEmpty()) {
			throw new JsonRpcException(JsonRpcError.invalidParams(this.errors));
		}
	}

}
