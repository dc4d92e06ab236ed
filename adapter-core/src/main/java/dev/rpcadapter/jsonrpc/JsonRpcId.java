package dev.rpcadapter.jsonrpc;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A JSON-RPC request id: a string, a number or {@code null} (JSON-RPC 2.0 §4). An absent
 * id (a notification) is represented by a {@code null} reference, not by {@link Null}.
 */
public sealed interface JsonRpcId {

	/**
	 * The id {@code null}, as sent by the client or used when the id could not be
	 * detected.
	 */
	JsonRpcId NULL = new Null();

	static JsonRpcId of(String value) {
		return new Str(value);
	}

	static JsonRpcId of(long value) {
		return new Num(BigDecimal.valueOf(value));
	}

	/**
	 * Reads an id from a JSON node.
	 * @return the id, or {@code null} if the node is not a valid id type (object, array,
	 * boolean)
	 */
	static @Nullable JsonRpcId fromNode(JsonNode node) {
		if (node.isString()) {
			return new Str(node.asString());
		}
		if (node.isNumber()) {
			return new Num(node.decimalValue());
		}
		if (node.isNull()) {
			return NULL;
		}
		return null;
	}

	/** A string id. */
	record Str(String value) implements JsonRpcId {
	}

	/** A numeric id, kept exactly as sent. */
	record Num(BigDecimal value) implements JsonRpcId {
	}

	/** The {@code null} id. */
	record Null() implements JsonRpcId {
	}

}
