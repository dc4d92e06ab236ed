package dev.rpcadapter.autoconfigure.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.web.TestHttp.mapper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A bounded random-mutation fuzz over keep-alive connections to the real server: each
 * answer comes within {@link #ANSWER_BOUND}, none is a 5xx, and every
 * {@code /api/jsonrpc} answer is a well-formed JSON-RPC response, a 204, or a 4xx with a
 * JSON-RPC error body from a layer before dispatch. Deterministic per seed:
 * {@code -Dfuzz.seed=<n>} replays a run, {@code -Dfuzz.requests=<n>} sets its length; a
 * failure names the seed and the request.
 */
@SpringBootTest(classes = ConformanceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "adapter.info.name=hostile")
class KeepAliveFuzzIntegrationTests {

	static final Duration ANSWER_BOUND = Duration.ofSeconds(10);

	private static final Set<Integer> PRE_DISPATCH = Set.of(400, 401, 403, 405, 413, 415, 429);

	@LocalServerPort
	int port;

	@Test
	void mutatedRequestsOnKeepAliveConnectionsAreAnsweredPromptlyAndPrecisely() throws IOException {
		long seed = Long.getLong("fuzz.seed", 20261128L);
		int requests = Integer.getInteger("fuzz.requests", 6000);
		RequestMutator mutator = new RequestMutator(seed);
		RawConnection connection = open();
		try {
			for (int i = 0; i < requests; i++) {
				RequestMutator.Fuzzed request = mutator.next();
				String context = "seed " + seed + ", request " + i + ": " + request.description();
				RawConnection.Response response;
				try {
					response = connection.exchange(request.bytes(), request.isHead());
				}
				catch (IOException ex) {
					// a closed connection is an answer only where the request's framing
					// was broken
					assertThat(request.framingBroken()).as("%s -> %s", context, ex).isTrue();
					connection.close();
					connection = open();
					continue;
				}
				check(request, response, context);
				if (request.framingBroken() || !response.keepsAlive()) {
					connection.close();
					connection = open();
				}
			}
		}
		finally {
			connection.close();
		}
		System.out.println("fuzz: seed " + seed + ", " + requests + " requests"); // the
																					// seed,
																					// for
																					// a
																					// replay
	}

	private RawConnection open() throws IOException {
		return new RawConnection(this.port, ANSWER_BOUND);
	}

	private static void check(RequestMutator.Fuzzed request, RawConnection.Response response, String context) {
		assertThat(response.status()).as("%s -> %s", context, response).isLessThan(500);
		if (request.isHead() || request.framingBroken() || response.status() == 404) {
			return;
		}
		boolean jsonRpcPath = request.path().startsWith("/api/jsonrpc");
		if (response.status() == 204) {
			// a notification, sent to /api/jsonrpc or as a JSON-RPC body to /cmd
			boolean rpcCapable = jsonRpcPath || request.path().startsWith("/cmd");
			assertThat(rpcCapable && request.method().equals("POST")).as("%s -> 204", context).isTrue();
			assertThat(response.body()).isEmpty();
			return;
		}
		if (response.status() >= 400) {
			if (response.status() == 400 && request.path().equals("/ws")) {
				return; // the WebSocket path without an upgrade
			}
			assertThat(PRE_DISPATCH).as("%s -> %s", context, response).contains(response.status());
			JsonNode error = json(response, context);
			assertThat(error.path("id").isNull()).as("%s -> %s", context, response).isTrue();
			assertErrorObject(error.path("error"), context);
			return;
		}
		if (jsonRpcPath && request.method().equals("POST")) {
			JsonNode answer = json(response, context);
			if (answer.isArray()) {
				assertThat(answer.size()).as(context).isPositive();
				answer.forEach((element) -> assertResponse(element, context));
			}
			else {
				assertResponse(answer, context);
			}
		}
	}

	private static JsonNode json(RawConnection.Response response, String context) {
		assertThat(response.headers().get("content-type")).as("%s -> %s", context, response)
			.startsWith("application/json");
		TestHttp.assertNoLeak(response.body());
		try {
			return mapper.readTree(response.body());
		}
		catch (RuntimeException ex) {
			return fail("%s -> not JSON: %s", context, response);
		}
	}

	private static void assertResponse(JsonNode response, String context) {
		assertThat(response.isObject()).as("%s -> %s", context, response).isTrue();
		assertThat(response.path("jsonrpc").asString()).as("%s -> %s", context, response).isEqualTo("2.0");
		assertThat(response.has("id")).as("%s -> %s", context, response).isTrue();
		JsonNode id = response.get("id");
		assertThat(id.isString() || id.isNumber() || id.isNull()).as("%s -> %s", context, response).isTrue();
		assertThat(response.has("result") ^ response.has("error")).as("%s -> %s", context, response).isTrue();
		if (response.has("error")) {
			assertErrorObject(response.get("error"), context);
		}
	}

	private static void assertErrorObject(JsonNode error, String context) {
		assertThat(error.path("code").isIntegralNumber()).as("%s -> %s", context, error).isTrue();
		assertThat(error.path("message").isString()).as("%s -> %s", context, error).isTrue();
		assertThat(error.has("data") && error.get("data").isNull()).as("%s -> data: null", context).isFalse();
	}

}
