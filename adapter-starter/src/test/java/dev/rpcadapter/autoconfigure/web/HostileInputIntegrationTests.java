package dev.rpcadapter.autoconfigure.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import dev.rpcadapter.jsonrpc.ErrorCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.web.TestHttp.assertError;
import static dev.rpcadapter.autoconfigure.web.TestHttp.mapper;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no client should send: number literals beyond what Jackson represents, methods
 * an endpoint does not take, bodies on requests that should have none. The server answers
 * each precisely and the keep-alive connection stays usable. Default limits (10 MiB
 * bodies).
 */
@SpringBootTest(classes = ConformanceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "adapter.info.name=hostile")
class HostileInputIntegrationTests {

	static final String GET_DATA = "{\"jsonrpc\":\"2.0\",\"method\":\"get_data\",\"id\":7}";

	@LocalServerPort
	int port;

	TestHttp http;

	@BeforeEach
	void client() {
		this.http = new TestHttp(this.port);
	}

	private static List<String> hostileNumbers() {
		String digits = "9".repeat(4000);
		return List.of("1e99999999999", "-2.5E+99999999999", "1e-99999999999", digits, "-" + digits, digits + ".5",
				"0." + digits + "e7");
	}

	@Test
	void numberBeyondJacksonsLimitsIsAParseErrorOnEveryHttpEndpoint() {
		for (String number : hostileNumbers()) {
			String inParams = "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"minuend\":" + number
					+ ",\"subtrahend\":1},\"id\":1}";
			String asId = "{\"jsonrpc\":\"2.0\",\"method\":\"get_data\",\"id\":" + number + "}";
			for (String body : List.of(inParams, asId)) {
				assertParseError(this.http.rpc("/api/jsonrpc", body), body);
				assertParseError(this.http.rpc("/api/jsonrpc/batch", "[" + body + "]"), body);
			}
			// /cmd answers {"error": ...}, for its own form and for a JSON-RPC body it
			// cannot read
			String cmd = "{\"command\":\"subtract\",\"params\":{\"minuend\":" + number + ",\"subtrahend\":1}}";
			for (String body : List.of(cmd, inParams, asId)) {
				JsonNode error = this.http.rpc("/cmd", body).get("error");
				assertThat(error.get("code").asInt()).as(body).isEqualTo(ErrorCodes.PARSE_ERROR);
			}
		}
	}

	private static void assertParseError(JsonNode response, String body) {
		assertThat(response.isObject()).as(body).isTrue();
		assertError(response, ErrorCodes.PARSE_ERROR);
		assertThat(response.get("id").isNull()).as(body).isTrue();
	}

	@Test
	void otherMethodsOnPostEndpointsAre405WithAllowAndAJsonRpcError() throws IOException {
		try (RawConnection connection = new RawConnection(this.port, Duration.ofSeconds(10))) {
			for (String path : List.of("/api/jsonrpc", "/api/jsonrpc/batch", "/cmd")) {
				for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS")) {
					for (String body : List.of("", GET_DATA)) {
						RawConnection.Response response = connection.exchange(RawConnection.request(method, path, body),
								false);
						assertThat(response.status()).as(method + " " + path).isEqualTo(405);
						assertThat(response.headers()).containsEntry("allow", "POST");
						assertThat(response.headers().get("content-type")).startsWith("application/json");
						JsonNode error = mapper.readTree(response.body());
						assertError(error, ErrorCodes.INVALID_REQUEST);
						assertThat(error.get("id").isNull()).isTrue();
						assertStillUsable(connection);
					}
				}
				RawConnection.Response head = connection.exchange(RawConnection.request("HEAD", path, GET_DATA), true);
				assertThat(head.status()).isEqualTo(405);
				assertThat(head.headers()).containsEntry("allow", "POST");
				assertStillUsable(connection);
			}
		}
	}

	@Test
	void postOnGetEndpointsIs405AndHeadIsAnswered() throws IOException {
		try (RawConnection connection = new RawConnection(this.port, Duration.ofSeconds(10))) {
			RawConnection.Response post = connection.exchange(RawConnection.request("POST", "/health", GET_DATA),
					false);
			assertThat(post.status()).isEqualTo(405);
			assertThat(post.headers()).containsEntry("allow", "GET, HEAD");
			assertError(mapper.readTree(post.body()), ErrorCodes.INVALID_REQUEST);
			assertStillUsable(connection);
			RawConnection.Response head = connection.exchange(RawConnection.request("HEAD", "/health", ""), true);
			assertThat(head.status()).isEqualTo(200);
			assertStillUsable(connection);
			RawConnection.Response withBody = connection.exchange(RawConnection.request("GET", "/health", GET_DATA),
					false);
			assertThat(withBody.status()).isEqualTo(200);
			assertThat(mapper.readTree(withBody.body()).get("status").asString()).isEqualTo("ok");
			assertStillUsable(connection);
		}
	}

	/**
	 * A request answered without its body being read, queued behind the end of the
	 * previous exchange, used to leave the connection unread: the next request got no
	 * answer at all.
	 */
	@Test
	void requestsAnsweredWithoutReadingTheirBodyKeepTheConnectionReading() throws IOException {
		List<String[]> firsts = List.of(new String[] { "HEAD", "/api/jsonrpc" }, new String[] { "GET", "/api/jsonrpc" },
				new String[] { "PUT", "/cmd" }, new String[] { "HEAD", "/no-such-path" },
				new String[] { "POST", "/no-such-path" }, new String[] { "GET", "/ws" });
		for (String[] first : firsts) {
			try (RawConnection connection = new RawConnection(this.port, Duration.ofSeconds(10))) {
				for (int i = 0; i < 40; i++) {
					boolean head = first[0].equals("HEAD");
					String body = (i % 2 == 0) ? GET_DATA : "";
					RawConnection.Response answer = connection.exchange(RawConnection.request(first[0], first[1], body),
							head);
					assertThat(answer.status()).as(String.join(" ", first)).isBetween(400, 499);
					assertStillUsable(connection);
				}
			}
		}
	}

	private static void assertStillUsable(RawConnection connection) throws IOException {
		RawConnection.Response response = connection.exchange(RawConnection.request("POST", "/api/jsonrpc", GET_DATA),
				false);
		assertThat(response.status()).isEqualTo(200);
		assertThat(mapper.readTree(response.body()).get("id").asInt()).isEqualTo(7);
	}

}
