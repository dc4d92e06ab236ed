package dev.rpcadapter.autoconfigure.web;

import java.net.http.HttpResponse;
import java.util.List;

import dev.rpcadapter.jsonrpc.ErrorCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.web.TestHttp.assertError;
import static dev.rpcadapter.autoconfigure.web.TestHttp.assertJsonContentType;
import static dev.rpcadapter.autoconfigure.web.TestHttp.assertNoLeak;
import static dev.rpcadapter.autoconfigure.web.TestHttp.mapper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The examples of the JSON-RPC 2.0 specification (§7) and the adapter's own wire rules,
 * against the real server over HTTP.
 */
@ConformanceServerTest
class JsonRpcConformanceIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ConformanceTestApplication.SpecCommands specCommands;

	TestHttp http;

	@BeforeEach
	void client() {
		this.http = new TestHttp(this.port);
	}

	private JsonNode rpc(String body) {
		return this.http.rpc(body);
	}

	private void assertNoContent(String path, String body) {
		HttpResponse<String> response = this.http.post(path, body);
		assertThat(response.statusCode()).as(body).isEqualTo(204);
		assertThat(response.body()).isEmpty();
	}

	// --- JSON-RPC 2.0 specification, section 7 ---

	@Test
	void specPositionalParameters() {
		assertThat(rpc("{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [42, 23], \"id\": 1}"))
			.isEqualTo(mapper.readTree("{\"jsonrpc\": \"2.0\", \"result\": 19, \"id\": 1}"));
		assertThat(rpc("{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [23, 42], \"id\": 2}"))
			.isEqualTo(mapper.readTree("{\"jsonrpc\": \"2.0\", \"result\": -19, \"id\": 2}"));
	}

	@Test
	void specNamedParameters() {
		assertThat(rpc(
				"{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": {\"subtrahend\": 23, \"minuend\": 42}, \"id\": 3}"))
			.isEqualTo(mapper.readTree("{\"jsonrpc\": \"2.0\", \"result\": 19, \"id\": 3}"));
		assertThat(rpc(
				"{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": {\"minuend\": 42, \"subtrahend\": 23}, \"id\": 4}"))
			.isEqualTo(mapper.readTree("{\"jsonrpc\": \"2.0\", \"result\": 19, \"id\": 4}"));
	}

	@Test
	void specNotificationsGetNoContent() {
		int before = this.specCommands.notifications.get();
		assertNoContent("/api/jsonrpc", "{\"jsonrpc\": \"2.0\", \"method\": \"update\", \"params\": [1,2,3,4,5]}");
		assertNoContent("/api/jsonrpc", "{\"jsonrpc\": \"2.0\", \"method\": \"foobar\"}");
		await().atMost(java.time.Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.specCommands.notifications.get()).isEqualTo(before + 1));
	}

	@Test
	void specNonExistentMethod() {
		JsonNode response = rpc("{\"jsonrpc\": \"2.0\", \"method\": \"foobar\", \"id\": \"1\"}");
		assertError(response, ErrorCodes.METHOD_NOT_FOUND);
		assertThat(response.get("id").asString()).isEqualTo("1");
	}

	@Test
	void specInvalidJson() {
		JsonNode response = rpc("{\"jsonrpc\": \"2.0\", \"method\": \"foobar, \"params\": \"bar\", \"baz]");
		assertError(response, ErrorCodes.PARSE_ERROR);
		assertThat(response.get("id").isNull()).isTrue();
	}

	@Test
	void specInvalidRequestObject() {
		JsonNode response = rpc("{\"jsonrpc\": \"2.0\", \"method\": 1, \"params\": \"bar\"}");
		assertError(response, ErrorCodes.INVALID_REQUEST);
		assertThat(response.get("id").isNull()).isTrue();
	}

	@Test
	void specBatchInvalidJson() {
		JsonNode response = rpc("""
				[
				  {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
				  {"jsonrpc": "2.0", "method"
				]""");
		assertError(response, ErrorCodes.PARSE_ERROR);
		assertThat(response.get("id").isNull()).isTrue();
	}

	@Test
	void specEmptyArrayIsASingleInvalidRequest() {
		JsonNode response = rpc("[]");
		assertError(response, ErrorCodes.INVALID_REQUEST);
		assertThat(response.get("id").isNull()).isTrue();
	}

	@Test
	void specInvalidBatchOfOne() {
		JsonNode response = rpc("[1]");
		assertThat(response.isArray()).isTrue();
		assertThat(response).hasSize(1);
		assertError(response.get(0), ErrorCodes.INVALID_REQUEST);
		assertThat(response.get(0).get("id").isNull()).isTrue();
	}

	@Test
	void specInvalidBatchOfThree() {
		JsonNode response = rpc("[1,2,3]");
		assertThat(response).hasSize(3);
		for (JsonNode element : response) {
			assertError(element, ErrorCodes.INVALID_REQUEST);
			assertThat(element.get("id").isNull()).isTrue();
		}
	}

	@Test
	void specMixedBatch() {
		JsonNode response = rpc("""
				[
				  {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
				  {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]},
				  {"jsonrpc": "2.0", "method": "subtract", "params": [42,23], "id": "2"},
				  {"foo": "boo"},
				  {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
				  {"jsonrpc": "2.0", "method": "get_data", "id": "9"}
				]""");
		assertThat(response.isArray()).isTrue();
		assertThat(response).hasSize(5);
		assertThat(response.get(0)).isEqualTo(mapper.readTree("{\"jsonrpc\": \"2.0\", \"result\": 7, \"id\": \"1\"}"));
		assertThat(response.get(1)).isEqualTo(mapper.readTree("{\"jsonrpc\": \"2.0\", \"result\": 19, \"id\": \"2\"}"));
		assertError(response.get(2), ErrorCodes.INVALID_REQUEST);
		assertThat(response.get(2).get("id").isNull()).isTrue();
		assertError(response.get(3), ErrorCodes.METHOD_NOT_FOUND);
		assertThat(response.get(3).get("id").asString()).isEqualTo("5");
		assertThat(response.get(4))
			.isEqualTo(mapper.readTree("{\"jsonrpc\": \"2.0\", \"result\": [\"hello\", 5], \"id\": \"9\"}"));
	}

	@Test
	void specBatchOfNotificationsGetsNoContent() {
		assertNoContent("/api/jsonrpc", """
				[
				  {"jsonrpc": "2.0", "method": "notify_sum", "params": [1,2,4]},
				  {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}
				]""");
	}

	// --- the adapter's own rules ---

	@Test
	void idsOfTheWrongTypeAreInvalidRequestsWithNullId() {
		for (String id : List.of("{\"a\": 1}", "[1]", "true", "false")) {
			JsonNode response = rpc(
					"{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [1, 1], \"id\": " + id + "}");
			assertError(response, ErrorCodes.INVALID_REQUEST);
			assertThat(response.get("id").isNull()).as(id).isTrue();
		}
	}

	@Test
	void numericIdsAreEchoedExactly() {
		assertThat(
				this.http.post("/api/jsonrpc", "{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": 1.0}").body())
			.endsWith("\"id\":1.0}");
		assertThat(
				this.http.post("/api/jsonrpc", "{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": -7}").body())
			.endsWith("\"id\":-7}");
	}

	@Test
	void nullIdIsARequestAnsweredWithNullId() {
		JsonNode response = rpc("{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [5, 1], \"id\": null}");
		assertThat(response.get("result").asInt()).isEqualTo(4);
		assertThat(response.get("id").isNull()).isTrue();
	}

	@Test
	void versionOtherThan20IsAnInvalidRequest() {
		JsonNode response = rpc("{\"jsonrpc\": \"1.0\", \"method\": \"subtract\", \"params\": [1, 1], \"id\": 5}");
		assertError(response, ErrorCodes.INVALID_REQUEST);
		assertThat(response.get("id").asInt()).isEqualTo(5);
		assertError(rpc("{\"method\": \"subtract\", \"params\": [1, 1], \"id\": 5}"), ErrorCodes.INVALID_REQUEST);
	}

	@Test
	void missingMethodIsAnInvalidRequest() {
		assertError(rpc("{\"jsonrpc\": \"2.0\", \"id\": 5}"), ErrorCodes.INVALID_REQUEST);
	}

	@Test
	void paramsOfTheWrongTypeAreAnInvalidRequest() {
		assertError(rpc("{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": \"42\", \"id\": 1}"),
				ErrorCodes.INVALID_REQUEST);
		assertError(rpc("{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": 42, \"id\": 1}"),
				ErrorCodes.INVALID_REQUEST);
	}

	@Test
	void nullAndNestedBatchElementsAreInvalidRequests() {
		JsonNode nullElement = rpc("[null]");
		assertThat(nullElement).hasSize(1);
		assertError(nullElement.get(0), ErrorCodes.INVALID_REQUEST);
		JsonNode nested = rpc("[[{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": 1}], "
				+ "{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": 2}]");
		assertThat(nested).hasSize(2);
		assertError(nested.get(0), ErrorCodes.INVALID_REQUEST);
		assertThat(nested.get(0).get("id").isNull()).isTrue();
		assertThat(nested.get(1).get("id").asInt()).isEqualTo(2);
	}

	@Test
	void unknownAndMistypedParamsAreInvalidParamsListingEachOne() {
		JsonNode response = rpc("{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", "
				+ "\"params\": {\"minuend\": \"42\", \"subtrahend\": 1, \"extra\": true}, \"id\": 1}");
		assertError(response, ErrorCodes.INVALID_PARAMS);
		List<String> params = response.get("error")
			.get("data")
			.get("errors")
			.valueStream()
			.map((e) -> e.get("param").asString())
			.toList();
		assertThat(params).containsExactlyInAnyOrder("minuend", "extra");
	}

	@Test
	void beanValidationViolationsAreInvalidParams() {
		JsonNode response = rpc(
				"{\"jsonrpc\": \"2.0\", \"method\": \"greet\", \"params\": {\"name\": \" \", \"times\": 9}, \"id\": 1}");
		assertError(response, ErrorCodes.INVALID_PARAMS);
		assertThat(response.get("error").get("data").get("errors").valueStream().map((e) -> e.get("param").asString()))
			.containsExactlyInAnyOrder("name", "times");
	}

	@Test
	void commandFailureIsCommandFailedWithData() {
		JsonNode response = rpc(
				"{\"jsonrpc\": \"2.0\", \"method\": \"divide\", \"params\": {\"a\": 1, \"b\": 0}, \"id\": 1}");
		assertError(response, ErrorCodes.COMMAND_FAILED);
		assertThat(response.get("error").get("message").asString()).isEqualTo("Division by zero");
		assertThat(response.get("error").get("data").get("a").asDouble()).isEqualTo(1.0);
	}

	@Test
	void unexpectedFailureIsAnInternalErrorWithoutDetails() {
		JsonNode response = rpc("{\"jsonrpc\": \"2.0\", \"method\": \"crash\", \"id\": 1}");
		assertError(response, ErrorCodes.INTERNAL_ERROR);
		assertThat(response.get("error").get("data").get("error_id").asString()).isNotBlank();
	}

	@Test
	void slowCommandTimesOut() {
		assertError(rpc("{\"jsonrpc\": \"2.0\", \"method\": \"nap\", \"id\": 1}"), ErrorCodes.TIMED_OUT);
	}

	@Test
	void nestingDeeperThanTheLimitIsAnInvalidRequest() {
		String deep = "[".repeat(40) + "]".repeat(40);
		JsonNode response = rpc(
				"{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"params\": " + deep + ", \"id\": 1}");
		assertError(response, ErrorCodes.INVALID_REQUEST);
	}

	@Test
	void trailingGarbageIsAParseError() {
		assertError(rpc("{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": 1} trailing"),
				ErrorCodes.PARSE_ERROR);
	}

	@Test
	void emptyBodyIsAParseError() {
		assertError(rpc(""), ErrorCodes.PARSE_ERROR);
	}

	@Test
	void simplifiedCommandFormIsAnsweredWithIdOne() {
		JsonNode response = rpc("{\"command\": \"subtract\", \"params\": {\"minuend\": 3, \"subtrahend\": 1}}");
		assertThat(response.get("result").asInt()).isEqualTo(2);
		assertThat(response.get("id").asInt()).isEqualTo(1);
	}

	@Test
	void bodyOverTheLimitIsRejectedWith413() {
		String big = "{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"params\": {\"pad\": \"" + "x".repeat(2048)
				+ "\"}, \"id\": 1}";
		for (HttpResponse<String> response : List.of(this.http.post("/api/jsonrpc", big),
				this.http.postChunked("/api/jsonrpc", big))) {
			assertThat(response.statusCode()).isEqualTo(413);
			assertJsonContentType(response);
			JsonNode body = mapper.readTree(response.body());
			assertError(body, ErrorCodes.INVALID_REQUEST);
			assertThat(body.get("id").isNull()).isTrue();
		}
	}

	@Test
	void bodyJustUnderTheLimitIsAccepted() {
		String padded = "{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": 1, \"pad\": \"" + "x".repeat(900)
				+ "\"}";
		assertThat(padded.length()).isLessThan(1024);
		assertThat(this.http.postChunked("/api/jsonrpc", padded).statusCode()).isEqualTo(200);
	}

	@Test
	void batchEndpointTakesOnlyArrays() {
		assertError(this.http.rpc("/api/jsonrpc/batch", "{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": 1}"),
				ErrorCodes.INVALID_REQUEST);
		JsonNode response = this.http.rpc("/api/jsonrpc/batch",
				"[{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": 1}]");
		assertThat(response.isArray()).isTrue();
		assertThat(response.get(0).get("result").get(0).asString()).isEqualTo("hello");
	}

	@Test
	void noErrorBodyLeaksExceptionDetails() {
		List<String> bodies = List.of("{", "[", "null", "\"x\"",
				"{\"jsonrpc\": \"2.0\", \"method\": \"crash\", \"id\": 1}",
				"{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": {\"minuend\": {\"x\": [1]}}, \"id\": 1}",
				"{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [1e400, 1], \"id\": 1}",
				"{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [99999999999999999999, 1], \"id\": 1}",
				"{\"jsonrpc\": \"2.0\", \"method\": \"divide\", \"params\": {\"a\": \"x\", \"b\": []}, \"id\": 1}",
				"\u0000\u0001", "{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": 1, \"id\": 2}");
		for (String body : bodies) {
			for (String path : List.of("/api/jsonrpc", "/cmd")) {
				HttpResponse<String> response = this.http.post(path, body);
				assertThat(response.statusCode()).as(path + " " + body).isEqualTo(200);
				assertJsonContentType(response);
				assertNoLeak(response.body());
			}
		}
	}

	@Test
	void rpcDiscoverAgreesWithTheOpenRpcDocument() {
		JsonNode discovered = rpc("{\"jsonrpc\": \"2.0\", \"method\": \"rpc.discover\", \"id\": 1}").get("result");
		HttpResponse<String> document = this.http.get("/openrpc.json");
		assertThat(document.statusCode()).isEqualTo(200);
		assertJsonContentType(document);
		assertThat(discovered).isEqualTo(mapper.readTree(document.body()));
		assertThat(discovered.get("methods").valueStream().map((m) -> m.get("name").asString())).contains("subtract",
				"sum", "get_data", "notify_hello", "update", "echo", "help", "health");
	}

}
