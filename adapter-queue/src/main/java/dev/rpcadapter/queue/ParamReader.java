package dev.rpcadapter.queue;

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

/** Reads the params of a built-in command strictly: by name or position, no unknown names. */
final class ParamReader {

	private final ObjectNode params;

	private final List<ParamError> errors = new ArrayList<>();

	ParamReader(@Nullable JsonNode given, List<String> names) {
		this.params = JsonNodeFactory.instance.objectNode();
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

	String requiredString(String name) {
		String value = optionalString(name);
		if (value == null && !this.params.has(name)) {
			this.errors.add(new ParamError(name, "is required"));
		}
		return (value != null) ? value : "";
	}

	@Nullable String optionalString(String name) {
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
	List<String> stringList(String name) {
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

	int integer(String name, int defaultValue, int min, int max) {
		JsonNode value = this.params.get(name);
		if (value == null || value.isNull()) {
			return defaultValue;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
			this.errors.add(new ParamError(name, "must be an integer from " + min + " to " + max));
			return defaultValue;
		}
		return value.asInt();
	}

	void reject(String name, String message) {
		this.errors.add(new ParamError(name, message));
	}

	/** @throws JsonRpcException {@code -32602} listing every problem found */
	void validate() {
		if (!this.errors.isEmpty()) {
			throw new JsonRpcException(JsonRpcError.invalidParams(this.errors));
		}
	}
}
