package dev.rpcadapter.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonRpcCodecTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final JsonRpcCodec codec = new JsonRpcCodec(this.mapper);

	record Subtract(int minuend, int subtrahend) {
	}

	@Test
	void recordParamsAreSentByName() {
		ObjectNode request = this.codec.request("subtract", new Subtract(42, 23), 1L);
		assertThat(request.toString()).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"minuend\":42,\"subtrahend\":23},\"id\":1}");
	}

	@Test
	void listsAndArraysAreSentByPosition() {
		assertThat(this.codec.params(List.of(1, 2)).isArray()).isTrue();
		assertThat(this.codec.params(new int[] { 1, 2 }).isArray()).isTrue();
		assertThat(this.codec.params(Map.of("a", 1)).isObject()).isTrue();
	}

	@Test
	void notificationHasNoIdAndNullParamsAreOmitted() {
		ObjectNode request = this.codec.request("log", null, null);
		assertThat(request.has("id")).isFalse();
		assertThat(request.has("params")).isFalse();
	}

	@Test
	void scalarParamsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.params("text"))
			.withMessageContaining("object (by name) or array (by position)");
	}

	@Test
	void idsCompareByValueNotByJsonRepresentation() {
		assertThat(JsonRpcCodec.idKey(json("7"))).isEqualTo(JsonRpcCodec.idKey(json("7.0")));
		assertThat(JsonRpcCodec.idKey(json("7"))).isNotEqualTo(JsonRpcCodec.idKey(json("\"7\"")));
	}

	@Test
	void resultWithErrorIsThrownAsSubclass() {
		JsonNode response = json(
				"{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32004,\"message\":\"Job not found\"}}");
		assertThatExceptionOfType(JobNotFoundException.class).isThrownBy(() -> this.codec.result(response, 3));
	}

	@Test
	void responseForAnotherIdIsProtocolError() {
		JsonNode response = json("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":1}");
		assertThatExceptionOfType(RpcProtocolException.class).isThrownBy(() -> this.codec.result(response, 3))
			.withMessageContaining("does not match");
	}

	@Test
	void responseWithoutResultOrErrorIsProtocolError() {
		assertThatExceptionOfType(RpcProtocolException.class)
			.isThrownBy(() -> this.codec.result(json("{\"jsonrpc\":\"2.0\",\"id\":3}"), 3));
	}

	@Test
	void nullResultIsAValidResult() {
		assertThat(this.codec.result(json("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":null}"), 3).isNull()).isTrue();
	}

	private JsonNode json(String text) {
		return this.mapper.readTree(text);
	}

}
