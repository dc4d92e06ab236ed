package dev.rpcadapter.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the demo server on a random port and calls each demo command over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoServerApplicationIntegrationTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	private JsonNode call(String method, String params) throws Exception {
		String body = "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}";
		HttpResponse<String> response = this.client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/jsonrpc"))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
		JsonNode node = mapper.readTree(response.body());
		assertThat(node.get("id").asInt()).isEqualTo(1);
		return node;
	}

	private static List<String> errorParams(JsonNode response) {
		return response.get("error")
			.get("data")
			.get("errors")
			.valueStream()
			.map((e) -> e.get("param").asString())
			.toList();
	}

	@Test
	void subtractByNameAndByPosition() throws Exception {
		assertThat(call("subtract", "{\"minuend\": 42, \"subtrahend\": 23}").get("result").asLong()).isEqualTo(19);
		assertThat(call("subtract", "[23, 42]").get("result").asLong()).isEqualTo(-19);
	}

	@Test
	void sumAddsTheNumbers() throws Exception {
		assertThat(call("sum", "{\"numbers\": [1, 2.5, 4]}").get("result").asDouble()).isEqualTo(7.5);
		JsonNode empty = call("sum", "{\"numbers\": []}");
		assertThat(empty.get("error").get("code").asInt()).isEqualTo(-32602);
		assertThat(errorParams(empty)).containsExactly("numbers");
	}

	@Test
	void divideByZeroIsACommandFailureWithData() throws Exception {
		assertThat(call("divide", "{\"a\": 9, \"b\": 3}").get("result").asDouble()).isEqualTo(3.0);
		JsonNode error = call("divide", "{\"a\": 1, \"b\": 0}").get("error");
		assertThat(error.get("code").asInt()).isEqualTo(-32000);
		assertThat(error.get("message").asString()).isEqualTo("Division by zero");
		assertThat(error.get("data").get("a").asDouble()).isEqualTo(1.0);
		assertThat(error.get("data").get("b").asDouble()).isEqualTo(0.0);
	}

	@Test
	void wordStatsCountsWords() throws Exception {
		JsonNode result = call("word_stats", "{\"text\": \"the quick brown fox\", \"top\": 2}").get("result");
		assertThat(result.get("words").asInt()).isEqualTo(4);
		assertThat(result.get("characters").asInt()).isEqualTo(19);
		assertThat(result.get("longest")).hasSize(2);
	}

	@Test
	void wordStatsWithBadParamsListsEachOne() throws Exception {
		JsonNode response = call("word_stats", "{\"text\": \"  \", \"top\": 99}");
		assertThat(response.get("error").get("code").asInt()).isEqualTo(-32602);
		assertThat(errorParams(response)).containsExactlyInAnyOrder("text", "top");
		JsonNode typed = call("word_stats", "{\"text\": 5, \"top\": \"3\", \"extra\": 1}");
		assertThat(typed.get("error").get("code").asInt()).isEqualTo(-32602);
		assertThat(errorParams(typed)).containsExactlyInAnyOrder("text", "top", "extra");
	}

	@Test
	void upperUpperCases() throws Exception {
		assertThat(call("upper", "{\"text\": \"shout\"}").get("result").asString()).isEqualTo("SHOUT");
		assertThat(call("upper", "[\"by position\"]").get("result").asString()).isEqualTo("BY POSITION");
	}

	@Test
	void slowGreetAnswersAfterItsDelay() throws Exception {
		long start = System.nanoTime();
		assertThat(call("slow_greet", "{\"name\": \"Ann\", \"delay_ms\": 100}").get("result").asString())
			.isEqualTo("Hello, Ann!");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
		assertThat(call("slow_greet", "{\"name\": \"Bo\"}").get("result").asString()).isEqualTo("Hello, Bo!");
	}

	@Test
	void builtinCommandsAreThere() throws Exception {
		assertThat(call("echo", "{\"message\": \"hi\"}").get("result").get("message").asString()).isEqualTo("hi");
		assertThat(call("help", "{}").get("result").get("commands").propertyNames()).contains("subtract", "sum",
				"divide", "word_stats", "upper", "slow_greet");
		assertThat(call("health", "{}").get("result").get("status").asString()).isEqualTo("ok");
	}

}
