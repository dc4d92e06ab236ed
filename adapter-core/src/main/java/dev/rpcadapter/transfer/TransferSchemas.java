package dev.rpcadapter.transfer;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON Schemas of the transfer commands (single-string types only). */
final class TransferSchemas {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private TransferSchemas() {
	}

	static ObjectNode params(String[] required, ObjectNode... properties) {
		ObjectNode schema = JSON.objectNode().put("type", "object");
		ObjectNode props = schema.putObject("properties");
		for (ObjectNode property : properties) {
			props.set(property.remove("x-name").asString(), property);
		}
		var list = schema.putArray("required");
		for (String name : required) {
			list.add(name);
		}
		return schema.put("additionalProperties", false);
	}

	static ObjectNode string(String name, String description) {
		return JSON.objectNode().put("x-name", name).put("type", "string").put("description", description);
	}

	static ObjectNode integer(String name, String description, long min) {
		return JSON.objectNode()
			.put("x-name", name)
			.put("type", "integer")
			.put("minimum", min)
			.put("description", description);
	}

	static ObjectNode transferId() {
		return string("transfer_id",
				"The transfer id returned by transfer_upload_begin (or listed in a job's artifacts)")
			.put("format", "transfer-id");
	}

	static ObjectNode index() {
		return integer("index", "The chunk's index, from 0", 0);
	}

	static ObjectNode result(String description) {
		return JSON.objectNode().put("type", "object").put("description", description);
	}

}
