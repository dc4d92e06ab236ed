package dev.rpcadapter.transfer;

import java.util.ArrayList;
import java.util.List;

import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcError.ParamError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads a transfer command's params strictly (by name or position, no unknown names) against its schema. */
final class TransferParams {

	private final ObjectNode params = JsonNodeFactory.instance.objectNode();

	private final List<ParamError> errors = new ArrayList<>();

	TransferParams(@Nullable JsonNode given, ObjectNode schema) {
		List<String> names = new ArrayList<>();
		schema.path("properties").propertyNames().forEach(names::add);
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
		for (String name : given.propertyNames()) {
			if (names.contains(name)) {
				this.params.set(name, given.get(name));
			}
			else {
				this.errors.add(new ParamError(name, "unknown parameter"));
			}
		}
	}

	String string(String name) {
		String value = optionalString(name);
		if (value == null) {
			this.errors.add(new ParamError(name, "is required"));
			return "";
		}
		return value;
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

	@Nullable Long optionalLong(String name, long min, long max) {
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

	long longValue(String name, long min, long max) {
		Long value = optionalLong(name, min, max);
		if (value == null && !this.params.has(name)) {
			this.errors.add(new ParamError(name, "is required"));
		}
		return (value != null) ? value : 0;
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
