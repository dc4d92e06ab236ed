package dev.rpcadapter.autoconfigure.web.servlet;

import java.net.http.HttpResponse;

import dev.rpcadapter.jsonrpc.ErrorCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.tomcat.TomcatWebServer;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.web.servlet.ServletHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter's HTTP endpoints on a real Tomcat (a servlet application), answered as on
 * Reactor Netty.
 */
@SpringBootTest(classes = ServletTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "adapter.jsonrpc.max-body-size=1KB",
				"adapter.info.name=servlet-test" })
class ServletTransportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	WebServerApplicationContext context;

	ServletHttp http;

	@BeforeEach
	void client() {
		this.http = new ServletHttp(this.port);
	}

	@Test
	void runsOnTomcat() {
		assertThat(this.context.getWebServer()).isInstanceOf(TomcatWebServer.class);
	}

	@Test
	void singleCallsByNameAndByPosition() {
		HttpResponse<String> response = this.http.post("/api/jsonrpc",
				"{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"subtrahend\":23,\"minuend\":42},\"id\":3}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(JSON.readTree(response.body()).toString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":3}");
		JsonNode byPosition = this.http
			.rpc("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":\"a\"}");
		assertThat(byPosition.get("result").asInt()).isEqualTo(19);
		assertThat(byPosition.get("id").asString()).isEqualTo("a");
	}

	@Test
	void batchAnswersEveryCallButTheNotifications() {
		JsonNode batch = this.http
			.rpc("[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"message\":\"a\"},\"id\":1},"
					+ "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"message\":\"n\"}},"
					+ "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":2}]");
		assertThat(batch.size()).isEqualTo(2);
		assertThat(batch.get(0).get("result").asString()).isEqualTo("a");
		assertThat(batch.get(1).path("error").path("code").asInt()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
		HttpResponse<String> batchEndpoint = this.http.post("/api/jsonrpc/batch",
				"{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"message\":\"a\"},\"id\":1}");
		assertThat(JSON.readTree(batchEndpoint.body()).path("error").path("code").asInt())
			.isEqualTo(ErrorCodes.INVALID_REQUEST);
	}

	@Test
	void notificationsGet204WithoutABody() {
		HttpResponse<String> single = this.http.post("/api/jsonrpc",
				"{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"message\":\"n\"}}");
		HttpResponse<String> failing = this.http.post("/api/jsonrpc", "{\"jsonrpc\":\"2.0\",\"method\":\"nope\"}");
		HttpResponse<String> batch = this.http.post("/api/jsonrpc", "[{\"jsonrpc\":\"2.0\",\"method\":\"nope\"}]");
		for (HttpResponse<String> response : java.util.List.of(single, failing, batch)) {
			assertThat(response.statusCode()).isEqualTo(204);
			assertThat(response.body()).isEmpty();
		}
	}

	@Test
	void invalidParamsAndParseErrors() {
		JsonNode invalid = this.http
			.rpc("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"minuend\":\"x\"},\"id\":1}");
		assertThat(invalid.path("error").path("code").asInt()).isEqualTo(ErrorCodes.INVALID_PARAMS);
		assertThat(invalid.path("error").path("data").path("errors").isArray()).isTrue();
		JsonNode parse = this.http.rpc("{\"jsonrpc\":\"2.0\",\"method\":");
		assertThat(parse.path("error").path("code").asInt()).isEqualTo(ErrorCodes.PARSE_ERROR);
		assertThat(parse.get("id").isNull()).isTrue();
		JsonNode empty = this.http.rpc("");
		assertThat(empty.path("error").path("code").asInt()).isEqualTo(ErrorCodes.PARSE_ERROR);
	}

	@Test
	void otherMethodsGet405WithAllow() {
		HttpResponse<String> get = this.http.get("/api/jsonrpc");
		assertThat(get.statusCode()).isEqualTo(405);
		assertThat(get.headers().firstValue("Allow")).hasValue("POST");
		assertThat(JSON.readTree(get.body()).path("error").path("code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
		HttpResponse<String> post = this.http.post("/health", "{}");
		assertThat(post.statusCode()).isEqualTo(405);
		assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
		HttpResponse<String> delete = this.http.method("DELETE", "/cmd");
		assertThat(delete.statusCode()).isEqualTo(405);
		assertThat(delete.headers().firstValue("Allow")).hasValue("POST");
		HttpResponse<String> putWs = this.http.method("PUT", "/ws");
		assertThat(putWs.headers().firstValue("Allow")).hasValue("GET");
		// the keep-alive connection goes on
		assertThat(this.http.rpc("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1}")
			.get("result")
			.asString()).isEqualTo("x");
	}

	@Test
	void bodiesOverTheLimitGet413() {
		String big = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"message\":\"" + "x".repeat(2000)
				+ "\"},\"id\":1}";
		for (HttpResponse<String> response : java.util.List.of(this.http.post("/api/jsonrpc", big),
				this.http.postChunked("/api/jsonrpc", big))) {
			assertThat(response.statusCode()).isEqualTo(413);
			JsonNode error = JSON.readTree(response.body());
			assertThat(error.path("error").path("code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
			assertThat(error.get("id").isNull()).isTrue();
		}
		assertThat(this.http
			.postChunked("/api/jsonrpc", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"c\"],\"id\":1}")
			.body()).contains("\"result\":\"c\"");
	}

	@Test
	void postsThatAreNotJsonGet415() {
		for (String type : new String[] { "text/plain", "application/x-www-form-urlencoded" }) {
			HttpResponse<String> response = this.http.post("/api/jsonrpc", type,
					"{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1}");
			assertThat(response.statusCode()).as(type).isEqualTo(415);
			assertThat(JSON.readTree(response.body()).path("error").path("message").asString())
				.contains("Content-Type must be application/json");
		}
		assertThat(this.http
			.post("/cmd", "application/json-rpc; charset=utf-8",
					"{\"command\":\"echo\",\"params\":{\"message\":\"j\"}}")
			.statusCode()).isEqualTo(200);
	}

	@Test
	void cmdAnswersResultOrError() {
		JsonNode result = JSON
			.readTree(this.http.post("/cmd", "{\"command\":\"echo\",\"params\":{\"message\":\"hi\"}}").body());
		assertThat(result.toString()).isEqualTo("{\"result\":\"hi\"}");
		JsonNode error = JSON.readTree(this.http.post("/cmd", "{\"command\":\"nope\"}").body());
		assertThat(error.path("error").path("code").asInt()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
	}

	@Test
	void discoveryDocumentsAndDocsPage() {
		JsonNode commands = JSON.readTree(this.http.get("/commands").body());
		assertThat(commands.has("echo")).isTrue();
		assertThat(commands.path("report").path("queued").asBoolean()).isTrue();
		JsonNode openApi = JSON.readTree(this.http.get("/openapi.json").body());
		assertThat(openApi.path("openapi").asString()).startsWith("3.1");
		JsonNode openRpc = JSON.readTree(this.http.get("/openrpc.json").body());
		assertThat(openRpc.path("servers").get(0).path("url").asString())
			.isEqualTo("http://127.0.0.1:" + this.port + "/api/jsonrpc");
		JsonNode discover = this.http.rpc("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}");
		assertThat(discover.path("result").path("openrpc").asString()).startsWith("1.");
		HttpResponse<String> docs = this.http.get("/docs");
		// Tomcat writes the charset parameter without the space
		assertThat(docs.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
			.isEqualTo("text/html;charset=utf-8");
		assertThat(docs.body()).contains("subtract");
	}

	@Test
	void healthAnswersGetAndHead() {
		HttpResponse<String> get = this.http.get("/health");
		assertThat(get.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(get.body()).path("status").asString()).isEqualTo("ok");
		HttpResponse<String> head = this.http.method("HEAD", "/health");
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(head.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode heartbeat = JSON.readTree(this.http.get("/heartbeat").body());
		assertThat(heartbeat.path("server_url").asString()).isEqualTo("http://127.0.0.1:" + this.port);
	}

	@Test
	void aBlockingCommandRunsOnTheRequestThreadAndBatchElementsOnThePool() {
		JsonNode single = this.http.rpc("{\"jsonrpc\":\"2.0\",\"method\":\"thread\",\"id\":1}");
		assertThat(single.get("result").asString()).startsWith("http-nio-");
		JsonNode batch = this.http.rpc("[{\"jsonrpc\":\"2.0\",\"method\":\"thread\",\"id\":1}]");
		assertThat(batch.get(0).get("result").asString()).startsWith("boundedElastic-");
	}

	@Test
	void aCommandPastItsTimeoutIsInterruptedAndTheConnectionGoesOn() {
		long start = System.nanoTime();
		JsonNode timedOut = this.http.rpc("{\"jsonrpc\":\"2.0\",\"method\":\"nap\",\"id\":1}");
		assertThat(timedOut.path("error").path("code").asInt()).isEqualTo(ErrorCodes.TIMED_OUT);
		assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
		// the interrupt meant for the command does not linger on the container thread
		for (int i = 0; i < 20; i++) {
			assertThat(this.http.rpc("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1}")
				.get("result")
				.asString()).isEqualTo("x");
		}
	}

	@Test
	void theApplicationsOtherPathsAreNotTaken() {
		assertThat(this.http.get("/api/jsonrpc/other").statusCode()).isEqualTo(404);
	}

}
