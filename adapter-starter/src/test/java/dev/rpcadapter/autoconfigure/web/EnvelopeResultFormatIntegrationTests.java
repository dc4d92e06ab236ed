package dev.rpcadapter.autoconfigure.web;

import dev.rpcadapter.jsonrpc.ErrorCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.web.TestHttp.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code adapter.jsonrpc.result-format=envelope}: the seed-compatible result wrapping,
 * over real HTTP.
 */
@SpringBootTest(classes = ConformanceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "adapter.jsonrpc.result-format=envelope")
class EnvelopeResultFormatIntegrationTests {

	@LocalServerPort
	int port;

	TestHttp http;

	@BeforeEach
	void client() {
		this.http = new TestHttp(this.port);
	}

	@Test
	void successIsWrappedWithData() {
		JsonNode response = this.http
			.rpc("{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [42, 23], \"id\": 1}");
		assertThat(response.has("error")).isFalse();
		assertThat(response.get("result").get("success").asBoolean()).isTrue();
		assertThat(response.get("result").get("data").asInt()).isEqualTo(19);
		assertThat(response.get("id").asInt()).isEqualTo(1);
	}

	@Test
	void commandFailureIsWrappedInsideTheResult() {
		JsonNode response = this.http
			.rpc("{\"jsonrpc\": \"2.0\", \"method\": \"divide\", \"params\": {\"a\": 1, \"b\": 0}, \"id\": 2}");
		assertThat(response.has("error")).isFalse();
		JsonNode result = response.get("result");
		assertThat(result.get("success").asBoolean()).isFalse();
		assertThat(result.get("error").get("code").asInt()).isEqualTo(ErrorCodes.COMMAND_FAILED);
		assertThat(result.get("error").get("message").asString()).isEqualTo("Division by zero");
		assertThat(result.get("error").get("data").has("a")).isTrue();
	}

	@Test
	void protocolErrorsStayJsonRpcErrors() {
		assertError(this.http.rpc("{\"jsonrpc\": \"2.0\", \"method\": \"foobar\", \"id\": 3}"),
				ErrorCodes.METHOD_NOT_FOUND);
		assertError(this.http.rpc("{\"jsonrpc\": \"2.0\", \"method\": 1, \"id\": 4}"), ErrorCodes.INVALID_REQUEST);
		assertError(this.http.rpc("{"), ErrorCodes.PARSE_ERROR);
	}

	@Test
	void voidResultIsWrappedToo() {
		JsonNode response = this.http
			.rpc("{\"jsonrpc\": \"2.0\", \"method\": \"notify_hello\", \"params\": [1], \"id\": 5}");
		assertThat(response.get("result").get("success").asBoolean()).isTrue();
		assertThat(response.get("result").has("data")).isTrue();
	}

	@Test
	void rpcDiscoverIsNotWrapped() {
		JsonNode response = this.http.rpc("{\"jsonrpc\": \"2.0\", \"method\": \"rpc.discover\", \"id\": 6}");
		assertThat(response.get("result").has("openrpc")).isTrue();
	}

	@Test
	void batchElementsAreWrappedEachOnItsOwn() {
		JsonNode response = this.http.rpc("[{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": 1},"
				+ "{\"jsonrpc\": \"2.0\", \"method\": \"foobar\", \"id\": 2}]");
		assertThat(response.get(0).get("result").get("success").asBoolean()).isTrue();
		assertError(response.get(1), ErrorCodes.METHOD_NOT_FOUND);
	}

}
