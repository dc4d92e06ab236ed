package dev.rpcadapter.discovery;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

import dev.rpcadapter.command.CommandDescriptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builds the OpenAPI 3.1 and OpenRPC 1.3 documents for a set of commands. */
public final class ApiDocuments {

	private static final JsonNodeFactory json = JsonNodeFactory.instance;

	private static final String REF = "#/components/schemas/";

	private ApiDocuments() {
	}

	/**
	 * OpenAPI 3.1 for the JSON-RPC and {@code /cmd} endpoints. {@code CommandRequest} is
	 * a {@code oneOf} of one schema per command with a {@code command} discriminator;
	 * every {@code type} is a single string.
	 */
	public static ObjectNode openApi(Collection<CommandDescriptor> commands, ApiInfo info) {
		ObjectNode doc = json.objectNode().put("openapi", "3.1.0");
		doc.putObject("info")
			.put("title", info.title())
			.put("version", info.version())
			.put("description", info.description());
		ObjectNode schemas = json.objectNode();
		ArrayNode oneOf = json.arrayNode();
		ObjectNode mapping = json.objectNode();
		ArrayNode names = json.arrayNode();
		for (CommandDescriptor command : commands) {
			String key = "CommandRequest_" + command.name();
			ObjectNode request = schemas.putObject(key).put("type", "object").put("description", command.description());
			ObjectNode properties = request.putObject("properties");
			properties.putObject("command").put("type", "string").putArray("enum").add(command.name());
			properties.set("params", singleTypes(command.paramsSchema().deepCopy()));
			request.putArray("required").add("command");
			oneOf.addObject().put("$ref", REF + key);
			mapping.put(command.name(), REF + key);
			names.add(command.name());
		}
		ObjectNode commandRequest = schemas.putObject("CommandRequest");
		if (oneOf.isEmpty()) {
			// no command visible to this caller: an empty oneOf would be an invalid
			// schema
			commandRequest.put("type", "object").put("description", "No commands are visible to this caller");
		}
		else {
			commandRequest.set("oneOf", oneOf);
			commandRequest.putObject("discriminator").put("propertyName", "command").set("mapping", mapping);
		}
		names.add("rpc.discover");
		schemas.set("JsonRpcRequest", jsonRpcRequestSchema(names));
		schemas.set("JsonRpcBatchRequest", arrayOf("JsonRpcRequest", 1));
		schemas.set("JsonRpcError", errorSchema());
		schemas.set("JsonRpcResponse", jsonRpcResponseSchema());
		schemas.set("JsonRpcBatchResponse", arrayOf("JsonRpcResponse", 1));
		schemas.set("CommandSuccessResponse",
				onlyMember("result", json.objectNode().put("description", "The command's return value")));
		schemas.set("CommandErrorResponse", onlyMember("error", ref("JsonRpcError")));
		ObjectNode paths = doc.putObject("paths");
		// the JSON-RPC endpoint also takes the seed's simplified {"command": ...,
		// "params": ...} form
		ObjectNode rpcRequest = json.objectNode();
		rpcRequest.putArray("anyOf")
			.add(ref("JsonRpcRequest"))
			.add(ref("JsonRpcBatchRequest"))
			.add(ref("CommandRequest"));
		ObjectNode rpcResponse = json.objectNode();
		rpcResponse.putArray("oneOf").add(ref("JsonRpcResponse")).add(ref("JsonRpcBatchResponse"));
		paths.set(info.jsonRpcPath(), operation("jsonrpc",
				"Call a command with JSON-RPC 2.0 (single, notification or batch)", rpcRequest, rpcResponse));
		ObjectNode cmdResponse = json.objectNode();
		cmdResponse.putArray("oneOf").add(ref("CommandSuccessResponse")).add(ref("CommandErrorResponse"));
		paths.set(info.cmdPath(), operation("cmd", "Call a command REST-style", ref("CommandRequest"), cmdResponse));
		doc.putObject("components").set("schemas", schemas);
		return doc;
	}

	/**
	 * OpenRPC 1.3 document of the commands, as returned by {@code rpc.discover}.
	 * @param serverUrl the absolute URL of the JSON-RPC endpoint ({@code servers[0].url})
	 */
	public static ObjectNode openRpc(Collection<CommandDescriptor> commands, ApiInfo info, String serverUrl) {
		ObjectNode doc = json.objectNode().put("openrpc", "1.3.2");
		doc.putObject("info")
			.put("title", info.title())
			.put("version", info.version())
			.put("description", info.description());
		doc.putArray("servers").addObject().put("name", info.title()).put("url", serverUrl);
		ArrayNode methods = doc.putArray("methods");
		for (CommandDescriptor command : commands) {
			ObjectNode method = methods.addObject().put("name", command.name());
			if (!command.description().isEmpty()) {
				method.put("description", command.description());
			}
			method.put("paramStructure", "either");
			ArrayNode params = method.putArray("params");
			for (CommandDescriptor.ParamInfo param : command.params()) {
				ObjectNode node = params.addObject().put("name", param.name()).put("required", param.required());
				if (!param.description().isEmpty()) {
					node.put("description", param.description());
				}
				node.set("schema", param.schema());
			}
			JsonNode resultSchema = command.queued() ? queuedEnvelopeSchema() : command.resultSchema();
			method.putObject("result").put("name", command.name() + "_result").set("schema", resultSchema);
		}
		return doc;
	}

	private static ObjectNode operation(String id, String summary, ObjectNode requestSchema,
			ObjectNode responseSchema) {
		ObjectNode post = json.objectNode();
		post.put("operationId", id).put("summary", summary);
		post.putObject("requestBody")
			.put("required", true)
			.putObject("content")
			.putObject("application/json")
			.set("schema", requestSchema);
		ObjectNode responses = post.putObject("responses");
		responses.putObject("200")
			.put("description", "A JSON-RPC response (errors included)")
			.putObject("content")
			.putObject("application/json")
			.set("schema", responseSchema);
		responses.putObject("204").put("description", "Nothing to return (notifications only)");
		return json.objectNode().set("post", post);
	}

	private static ObjectNode ref(String name) {
		return json.objectNode().put("$ref", REF + name);
	}

	/** An array of at least {@code minItems} elements of a named schema (a batch). */
	private static ObjectNode arrayOf(String name, int minItems) {
		ObjectNode schema = json.objectNode().put("type", "array").put("minItems", minItems);
		schema.set("items", ref(name));
		return schema;
	}

	/**
	 * An object with exactly one member, required: success and error answers never both
	 * match.
	 */
	private static ObjectNode onlyMember(String name, ObjectNode memberSchema) {
		ObjectNode schema = json.objectNode().put("type", "object");
		schema.putObject("properties").set(name, memberSchema);
		schema.putArray("required").add(name);
		schema.put("additionalProperties", false);
		return schema;
	}

	private static ObjectNode idSchema() {
		ObjectNode schema = json.objectNode();
		ArrayNode id = schema.putArray("oneOf");
		id.addObject().put("type", "string");
		id.addObject().put("type", "number");
		id.addObject().put("type", "null");
		return schema;
	}

	private static ObjectNode jsonRpcRequestSchema(ArrayNode names) {
		ObjectNode schema = json.objectNode().put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		properties.putObject("jsonrpc").put("type", "string").putArray("enum").add("2.0");
		ObjectNode method = properties.putObject("method").put("type", "string");
		if (!names.isEmpty()) {
			method.set("enum", names);
		}
		ArrayNode params = properties.putObject("params").putArray("oneOf");
		params.addObject().put("type", "object").put("description", "params by name");
		params.addObject().put("type", "array").put("description", "params by position");
		properties.set("id", idSchema());
		schema.putArray("required").add("jsonrpc").add("method");
		return schema;
	}

	private static ObjectNode errorSchema() {
		ObjectNode schema = json.objectNode().put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		properties.putObject("code").put("type", "integer");
		properties.putObject("message").put("type", "string");
		properties.putObject("data").put("description", "Any JSON value: more about the error");
		schema.putArray("required").add("code").add("message");
		return schema;
	}

	/**
	 * A response: {@code jsonrpc}, {@code id} and exactly one of {@code result} and
	 * {@code error}.
	 */
	private static ObjectNode jsonRpcResponseSchema() {
		ObjectNode schema = json.objectNode().put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		properties.putObject("jsonrpc").put("type", "string").putArray("enum").add("2.0");
		properties.set("result", json.objectNode().put("description", "The command's return value"));
		properties.set("error", ref("JsonRpcError"));
		properties.set("id", idSchema());
		schema.putArray("required").add("jsonrpc").add("id");
		ArrayNode oneOf = schema.putArray("oneOf");
		oneOf.addObject().putArray("required").add("result");
		oneOf.addObject().putArray("required").add("error");
		schema.put("additionalProperties", false);
		return schema;
	}

	private static ObjectNode queuedEnvelopeSchema() {
		ObjectNode schema = json.objectNode().put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		for (String name : new String[] { "job_id", "status", "command", "poll_with" }) {
			properties.putObject(name).put("type", "string");
		}
		schema.putArray("required").add("job_id").add("status");
		return schema;
	}

	/**
	 * Replaces type arrays (["string","null"]) by their first non-null type: seed proxies
	 * parse only strings.
	 */
	static JsonNode singleTypes(JsonNode node) {
		if (node instanceof ObjectNode object) {
			JsonNode type = object.get("type");
			if (type != null && type.isArray()) {
				String first = "string";
				for (JsonNode t : type) {
					if (!"null".equals(t.asString())) {
						first = t.asString();
						break;
					}
				}
				object.put("type", first);
			}
			Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
			while (fields.hasNext()) {
				singleTypes(fields.next().getValue());
			}
		}
		else if (node != null && node.isArray()) {
			for (JsonNode element : node) {
				singleTypes(element);
			}
		}
		return node;
	}

}
