package dev.rpcadapter.dispatch;

import java.io.ByteArrayOutputStream;
import java.util.List;

import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.jsonrpc.JsonRpcId;
import dev.rpcadapter.jsonrpc.JsonRpcRequest;
import dev.rpcadapter.jsonrpc.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads JSON-RPC messages under the configured limits and writes responses. */
final class MessageCodec {

	private final ObjectMapper reader;

	private final ObjectMapper writer;

	private final DispatchLimits limits;

	MessageCodec(ObjectMapper writer, DispatchLimits limits) {
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(limits.maxNestingDepth())
				.maxStringLength(limits.maxStringLength())
				.build())
			.build();
		// floats as BigDecimal with trailing zeros kept, so a numeric id comes back
		// exactly as sent (1.10, not 1.1)
		this.reader = JsonMapper.builder(factory)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
			.build();
		this.writer = writer;
		this.limits = limits;
	}

	/** Parses a body; the error, if any, is the whole answer. */
	Parsed parse(byte[] body) {
		try {
			return classify(read(body));
		}
		catch (JsonRpcException ex) {
			return Parsed.failure(ex.error());
		}
	}

	/**
	 * Reads one JSON value under the limits.
	 * @throws JsonRpcException {@code -32700} for invalid or empty JSON, {@code -32600}
	 * over a limit
	 */
	JsonNode read(byte[] body) {
		if (isBlank(body)) {
			throw new JsonRpcException(JsonRpcError.parseError("empty body"));
		}
		try {
			JsonNode node = this.reader.readTree(body);
			if (node == null || node.isMissingNode()) {
				throw new JsonRpcException(JsonRpcError.parseError("empty body"));
			}
			return node;
		}
		catch (StreamConstraintsException ex) {
			String message = String.valueOf(ex.getOriginalMessage());
			if (message.startsWith("Number value length")) {
				throw new JsonRpcException(JsonRpcError
					.parseError("number literal longer than " + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " digits"));
			}
			throw new JsonRpcException(JsonRpcError.invalidRequest(constraintMessage(ex)));
		}
		catch (NumberFormatException | ArithmeticException ex) {
			// a number literal Jackson cannot represent (an exponent beyond BigDecimal's
			// range): not JSON we can read
			throw new JsonRpcException(JsonRpcError.parseError("number literal out of range"));
		}
		catch (JacksonException ex) {
			throw new JsonRpcException(JsonRpcError.parseError("invalid JSON at line " + ex.getLocation().getLineNr()
					+ ", column " + ex.getLocation().getColumnNr()));
		}
	}

	/** Tells a single message from a batch; the error, if any, is the whole answer. */
	Parsed classify(JsonNode node) {
		if (!node.isArray()) {
			return new Parsed(null, List.of(node), false);
		}
		if (node.isEmpty()) {
			return Parsed.failure(JsonRpcError.invalidRequest("empty batch"));
		}
		if (node.size() > this.limits.maxBatchSize()) {
			return Parsed.failure(JsonRpcError.invalidRequest("batch of " + node.size() + " exceeds the limit of "
					+ this.limits.maxBatchSize() + " (adapter.jsonrpc.max-batch-size)"));
		}
		return new Parsed(null, node.valueStream().toList(), true);
	}

	private String constraintMessage(StreamConstraintsException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		if (message.contains("nesting depth")) {
			return "JSON nesting deeper than " + this.limits.maxNestingDepth() + " (adapter.jsonrpc.max-nesting-depth)";
		}
		if (message.contains("String value length")) {
			// Jackson checks this limit while it gathers a token, a number literal as
			// well as a string
			return "JSON string or number longer than " + this.limits.maxStringLength()
					+ " characters (adapter.jsonrpc.max-string-length)";
		}
		return "JSON exceeds a size limit";
	}

	private static boolean isBlank(byte[] body) {
		for (byte b : body) {
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Validates one element as a request; simplified {@code {"command": ...}} form
	 * included.
	 */
	Element element(JsonNode node) {
		if (!node.isObject()) {
			return Element.invalid(JsonRpcId.NULL, "a request must be a JSON object");
		}
		JsonNode idNode = node.get("id");
		JsonRpcId id = (idNode == null) ? null : JsonRpcId.fromNode(idNode);
		if (idNode != null && id == null) {
			return Element.invalid(JsonRpcId.NULL, "id must be a string, a number or null");
		}
		JsonRpcId replyId = (id != null) ? id : JsonRpcId.NULL;
		JsonNode version = node.get("jsonrpc");
		JsonNode method;
		if (version == null && node.has("command")) {
			method = node.get("command");
			if (id == null) {
				id = JsonRpcId.of(1);
				replyId = id;
			}
		}
		else {
			if (version == null || !version.isString() || !"2.0".equals(version.asString())) {
				return Element.invalid(replyId, "jsonrpc must be exactly \"2.0\"");
			}
			method = node.get("method");
		}
		if (method == null || !method.isString() || method.asString().isEmpty()) {
			return Element.invalid(replyId, "method must be a non-empty string");
		}
		JsonNode params = node.get("params");
		if (params != null && !params.isObject() && !params.isArray()) {
			return Element.invalid(replyId, "params must be an object or an array");
		}
		params = liftJobId(method.asString(), node, params);
		return new Element(new JsonRpcRequest(method.asString(), params, id), null, replyId);
	}

	/**
	 * Seed compatibility: a top-level job_id beside params for the job status methods.
	 */
	private static @Nullable JsonNode liftJobId(String method, JsonNode node, @Nullable JsonNode params) {
		JsonNode jobId = node.get("job_id");
		if (jobId == null || !(method.equals("queue_get_job_status") || method.equals("job_status"))) {
			return params;
		}
		if (params == null) {
			return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().set("job_id", jobId);
		}
		if (params.isObject() && !params.has("job_id")) {
			return ((ObjectNode) params).deepCopy().set("job_id", jobId);
		}
		return params;
	}

	byte[] write(JsonRpcResponse response) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128);
		try (JsonGenerator generator = this.writer.createGenerator(out)) {
			writeTo(generator, response);
		}
		return out.toByteArray();
	}

	byte[] write(List<JsonRpcResponse> responses) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128 * responses.size());
		try (JsonGenerator generator = this.writer.createGenerator(out)) {
			generator.writeStartArray();
			for (JsonRpcResponse response : responses) {
				writeTo(generator, response);
			}
			generator.writeEndArray();
		}
		return out.toByteArray();
	}

	private void writeTo(JsonGenerator generator, JsonRpcResponse response) {
		generator.writeStartObject();
		generator.writeStringProperty("jsonrpc", "2.0");
		if (response instanceof JsonRpcResponse.Success success) {
			generator.writeName("result");
			if (success.result() == null) {
				generator.writeNull();
			}
			else {
				this.writer.writeValue(generator, success.result());
			}
		}
		else if (response instanceof JsonRpcResponse.Failure failure) {
			generator.writeName("error");
			writeError(generator, failure.error());
		}
		generator.writeName("id");
		writeId(generator, response.id());
		generator.writeEndObject();
	}

	void writeError(JsonGenerator generator, JsonRpcError error) {
		generator.writeStartObject();
		generator.writeNumberProperty("code", error.code());
		generator.writeStringProperty("message", error.message());
		if (error.data() != null) {
			generator.writeName("data");
			this.writer.writeValue(generator, error.data());
		}
		generator.writeEndObject();
	}

	private static void writeId(JsonGenerator generator, JsonRpcId id) {
		if (id instanceof JsonRpcId.Str str) {
			generator.writeString(str.value());
		}
		else if (id instanceof JsonRpcId.Num num) {
			generator.writeNumber(num.value());
		}
		else {
			generator.writeNull();
		}
	}

	/** A parsed body: the elements, or the single error that answers it. */
	record Parsed(@Nullable JsonRpcError error, List<JsonNode> elements, boolean batch) {

		static Parsed failure(JsonRpcError error) {
			return new Parsed(error, List.of(), false);
		}
	}

	/**
	 * One batch element: a request, or the reason it is invalid and the id to answer
	 * with.
	 */
	record Element(@Nullable JsonRpcRequest request, @Nullable JsonRpcError error, JsonRpcId replyId) {

		static Element invalid(JsonRpcId id, String reason) {
			return new Element(null, JsonRpcError.invalidRequest(reason), id);
		}
	}

}
