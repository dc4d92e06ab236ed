package dev.rpcadapter.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcId;
import dev.rpcadapter.jsonrpc.JsonRpcResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class MessageCodecTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final MessageCodec codec = new MessageCodec(this.mapper,
			new DispatchLimits(3, 8, 20, Duration.ofSeconds(1)));

	private MessageCodec.Parsed parse(String json) {
		return this.codec.parse(json.getBytes(StandardCharsets.UTF_8));
	}

	private MessageCodec.Element element(String json) {
		MessageCodec.Parsed parsed = parse("[" + json + "]");
		assertThat(parsed.error()).as(json).isNull();
		return this.codec.element(parsed.elements().get(0));
	}

	@Test
	void singleObjectIsNotABatch() {
		MessageCodec.Parsed parsed = parse("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":1}");
		assertThat(parsed.error()).isNull();
		assertThat(parsed.batch()).isFalse();
		assertThat(parsed.elements()).hasSize(1);
	}

	@Test
	void emptyOrBlankBodyIsAParseError() {
		assertThat(parse("").error().code()).isEqualTo(ErrorCodes.PARSE_ERROR);
		assertThat(parse(" \n\t ").error().code()).isEqualTo(ErrorCodes.PARSE_ERROR);
	}

	@Test
	void invalidJsonIsAParseErrorWithoutParserDetails() {
		JsonRpcError error = parse("{\"jsonrpc\": \"2.0\", \"method\": \"foobar, \"params\": \"bar\", \"baz]").error();
		assertThat(error.code()).isEqualTo(ErrorCodes.PARSE_ERROR);
		assertThat(error.message()).doesNotContain("Exception").doesNotContain("tools.jackson");
	}

	@Test
	void trailingGarbageIsAParseError() {
		assertThat(parse("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":1} xyz").error().code())
			.isEqualTo(ErrorCodes.PARSE_ERROR);
		assertThat(
				parse("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":1}{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":2}")
					.error()
					.code())
			.isEqualTo(ErrorCodes.PARSE_ERROR);
	}

	@Test
	void invalidUtf8IsAParseError() {
		byte[] body = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
		assertThat(this.codec.parse(body).error().code()).isEqualTo(ErrorCodes.PARSE_ERROR);
	}

	@Test
	void emptyBatchIsOneInvalidRequest() {
		JsonRpcError error = parse("[]").error();
		assertThat(error.code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
	}

	@Test
	void batchOverTheLimitIsOneInvalidRequestNamingTheLimit() {
		JsonRpcError error = parse("[1,2,3,4]").error();
		assertThat(error.code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
		assertThat(error.message()).contains("3").contains("max-batch-size");
		assertThat(parse("[1,2,3]").error()).isNull();
	}

	@Test
	void nestingDeeperThanTheLimitIsAnInvalidRequest() {
		JsonRpcError error = parse("{\"a\":[[[[[[[[1]]]]]]]]}").error();
		assertThat(error.code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
		assertThat(error.message()).contains("nesting");
		assertThat(parse("{\"a\":[[[[[[1]]]]]]}").error()).isNull();
	}

	@Test
	void stringLongerThanTheLimitIsAnInvalidRequest() {
		JsonRpcError error = parse("{\"a\":\"" + "x".repeat(21) + "\"}").error();
		assertThat(error.code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
		assertThat(error.message()).contains("string");
		assertThat(parse("{\"a\":\"" + "x".repeat(20) + "\"}").error()).isNull();
	}

	@Test
	void numberBeyondTheRangeOfBigDecimalIsAParseError() {
		for (String json : new String[] {
				"{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"x\":1e99999999999},\"id\":1}",
				"{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":-1.5E-99999999999}", "[1e99999999999]" }) {
			JsonRpcError error = parse(json).error();
			assertThat(error).as(json).isNotNull();
			assertThat(error.code()).isEqualTo(ErrorCodes.PARSE_ERROR);
			assertThat(error.message()).contains("number");
		}
	}

	@Test
	void numberWithMoreDigitsThanJacksonAllowsIsAParseError() {
		MessageCodec roomy = new MessageCodec(this.mapper, new DispatchLimits(3, 8, 1_000_000, Duration.ofSeconds(1)));
		String digits = "9".repeat(5000);
		for (String json : new String[] { "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":" + digits + "}",
				"{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":[-" + digits + ".5]}" }) {
			JsonRpcError error = roomy.parse(json.getBytes(StandardCharsets.UTF_8)).error();
			assertThat(error).as(json).isNotNull();
			assertThat(error.code()).isEqualTo(ErrorCodes.PARSE_ERROR);
			assertThat(error.message()).contains("number");
		}
	}

	@Test
	void requestWithoutIdIsANotification() {
		MessageCodec.Element element = element("{\"jsonrpc\":\"2.0\",\"method\":\"m\"}");
		assertThat(element.request().isNotification()).isTrue();
	}

	@Test
	void nullIdIsARequestNotANotification() {
		MessageCodec.Element element = element("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":null}");
		assertThat(element.request().isNotification()).isFalse();
		assertThat(element.request().id()).isEqualTo(JsonRpcId.NULL);
	}

	@Test
	void idsOfTheWrongTypeAreInvalidAndAnsweredWithNullId() {
		for (String id : new String[] { "{}", "[]", "true", "false", "[1]" }) {
			MessageCodec.Element element = element("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":" + id + "}");
			assertThat(element.request()).as(id).isNull();
			assertThat(element.error().code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
			assertThat(element.replyId()).isEqualTo(JsonRpcId.NULL);
		}
	}

	@Test
	void versionOtherThan20IsInvalidButKeepsTheId() {
		for (String version : new String[] { "\"1.0\"", "2.0", "null", "\"2\"" }) {
			MessageCodec.Element element = element("{\"jsonrpc\":" + version + ",\"method\":\"m\",\"id\":7}");
			assertThat(element.error().code()).as(version).isEqualTo(ErrorCodes.INVALID_REQUEST);
			assertThat(element.replyId()).isEqualTo(JsonRpcId.of(7));
		}
		assertThat(element("{\"method\":\"m\",\"id\":7}").error().code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
	}

	@Test
	void methodMustBeANonEmptyString() {
		for (String method : new String[] { "", ",\"method\":1", ",\"method\":\"\"", ",\"method\":null",
				",\"method\":{}" }) {
			MessageCodec.Element element = element("{\"jsonrpc\":\"2.0\",\"id\":1" + method + "}");
			assertThat(element.error().code()).as(method).isEqualTo(ErrorCodes.INVALID_REQUEST);
		}
	}

	@Test
	void paramsMustBeAnObjectOrAnArray() {
		for (String params : new String[] { "\"bar\"", "3", "true", "null" }) {
			MessageCodec.Element element = element(
					"{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":" + params + ",\"id\":1}");
			assertThat(element.error()).as(params).isNotNull();
			assertThat(element.error().code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
		}
	}

	@Test
	void nonObjectBatchElementsAreInvalidRequests() {
		for (String json : new String[] { "1", "null", "\"x\"", "[]",
				"[{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":1}]" }) {
			MessageCodec.Element element = element(json);
			assertThat(element.error().code()).as(json).isEqualTo(ErrorCodes.INVALID_REQUEST);
			assertThat(element.replyId()).isEqualTo(JsonRpcId.NULL);
		}
	}

	@Test
	void simplifiedCommandFormDefaultsTheIdToOne() {
		MessageCodec.Element element = element("{\"command\":\"echo\",\"params\":{\"message\":\"hi\"}}");
		assertThat(element.request().method()).isEqualTo("echo");
		assertThat(element.request().id()).isEqualTo(JsonRpcId.of(1));
		assertThat(element.request().params().get("message").asString()).isEqualTo("hi");
	}

	@Test
	void simplifiedCommandFormKeepsAGivenId() {
		MessageCodec.Element element = element("{\"command\":\"echo\",\"id\":\"abc\"}");
		assertThat(element.request().id()).isEqualTo(JsonRpcId.of("abc"));
	}

	@Test
	void topLevelJobIdIsLiftedIntoParamsForJobStatusMethods() {
		MessageCodec.Element noParams = element(
				"{\"jsonrpc\":\"2.0\",\"method\":\"queue_get_job_status\",\"job_id\":\"j1\",\"id\":1}");
		assertThat(noParams.request().params().get("job_id").asString()).isEqualTo("j1");
		MessageCodec.Element alias = element("{\"command\":\"job_status\",\"job_id\":\"j2\",\"params\":{}}");
		assertThat(alias.request().params().get("job_id").asString()).isEqualTo("j2");
		MessageCodec.Element explicit = element(
				"{\"jsonrpc\":\"2.0\",\"method\":\"queue_get_job_status\",\"job_id\":\"top\",\"params\":{\"job_id\":\"inner\"},\"id\":1}");
		assertThat(explicit.request().params().get("job_id").asString()).isEqualTo("inner");
		MessageCodec.Element other = element("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"job_id\":\"j3\",\"id\":1}");
		assertThat(other.request().params()).isNull();
	}

	@Test
	void numericIdsAreWrittenBackAsSent() {
		for (String id : new String[] { "1", "-5", "1.0", "12345678901234567890", "0.5", "1.10", "1E+2" }) {
			JsonRpcId parsed = element("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":" + id + "}").request().id();
			String written = new String(this.codec.write(JsonRpcResponse.success(parsed, null)),
					StandardCharsets.UTF_8);
			assertThat(written).as(id).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":" + id + "}");
		}
	}

	@Test
	void errorResponseOmitsDataWhenAbsent() {
		String written = new String(
				this.codec.write(JsonRpcResponse.failure(JsonRpcId.of("a"), JsonRpcError.methodNotFound("x"))),
				StandardCharsets.UTF_8);
		JsonNode node = this.mapper.readTree(written);
		assertThat(node.get("jsonrpc").asString()).isEqualTo("2.0");
		assertThat(node.get("error").get("code").asInt()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
		assertThat(node.get("error").has("data")).isFalse();
		assertThat(node.has("result")).isFalse();
		assertThat(node.get("id").asString()).isEqualTo("a");
	}

}
