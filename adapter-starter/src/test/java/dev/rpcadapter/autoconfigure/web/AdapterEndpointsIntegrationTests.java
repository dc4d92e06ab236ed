package dev.rpcadapter.autoconfigure.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.rpcadapter.jsonrpc.ErrorCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.web.TestHttp.assertJsonContentType;
import static dev.rpcadapter.autoconfigure.web.TestHttp.assertNoLeak;
import static dev.rpcadapter.autoconfigure.web.TestHttp.mapper;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter's other HTTP endpoints, on the same real server as the conformance test.
 */
@ConformanceServerTest
class AdapterEndpointsIntegrationTests {

	private static final List<String> COMMANDS = List.of("subtract", "sum", "get_data", "notify_hello", "update",
			"divide", "greet", "echo", "help", "health");

	@LocalServerPort
	int port;

	TestHttp http;

	@BeforeEach
	void client() {
		this.http = new TestHttp(this.port);
	}

	private JsonNode cmd(String body) {
		HttpResponse<String> response = this.http.post("/cmd", body);
		assertThat(response.statusCode()).as(body).isEqualTo(200);
		assertJsonContentType(response);
		assertNoLeak(response.body());
		JsonNode node = mapper.readTree(response.body());
		assertThat(node.has("result") ^ node.has("error")).as(response.body()).isTrue();
		assertThat(node.has("jsonrpc")).isFalse();
		return node;
	}

	private JsonNode getJson(String path) {
		HttpResponse<String> response = this.http.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertJsonContentType(response);
		return mapper.readTree(response.body());
	}

	@Test
	void cmdAnswersWithAResult() {
		assertThat(cmd("{\"command\": \"subtract\", \"params\": {\"minuend\": 10, \"subtrahend\": 4}}").get("result")
			.asInt()).isEqualTo(6);
		assertThat(cmd("{\"command\": \"get_data\"}").get("result").get(0).asString()).isEqualTo("hello");
	}

	@Test
	void cmdAnswersFailuresWithAnErrorAndHttp200() {
		JsonNode failed = cmd("{\"command\": \"divide\", \"params\": {\"a\": 1, \"b\": 0}}").get("error");
		assertThat(failed.get("code").asInt()).isEqualTo(ErrorCodes.COMMAND_FAILED);
		assertThat(failed.get("data").has("b")).isTrue();
		assertThat(cmd("{\"command\": \"nope\"}").get("error").get("code").asInt())
			.isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
		assertThat(cmd("{\"command\": \"greet\", \"params\": {\"name\": 5}}").get("error").get("code").asInt())
			.isEqualTo(ErrorCodes.INVALID_PARAMS);
		assertThat(cmd("{\"command\": \"crash\"}").get("error").get("code").asInt())
			.isEqualTo(ErrorCodes.INTERNAL_ERROR);
		assertThat(cmd("{oops").get("error").get("code").asInt()).isEqualTo(ErrorCodes.PARSE_ERROR);
		assertThat(cmd("{\"command\": \"get_data\"} trailing").get("error").get("code").asInt())
			.isEqualTo(ErrorCodes.PARSE_ERROR);
		assertThat(cmd("[1]").get("error").get("code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
		assertThat(cmd("{\"command\": 5}").get("error").get("code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
		assertThat(cmd("{\"command\": \"get_data\", \"params\": \"x\"}").get("error").get("code").asInt())
			.isEqualTo(ErrorCodes.INVALID_REQUEST);
	}

	@Test
	void cmdAppliesTheSameJsonLimitsAsJsonRpc() {
		String deep = "[".repeat(40) + "]".repeat(40);
		JsonNode error = cmd("{\"command\": \"get_data\", \"params\": {\"x\": " + deep + "}}").get("error");
		assertThat(error.get("code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
	}

	@Test
	void commandsListsEveryCommandWithItsSchema() {
		JsonNode commands = getJson("/commands");
		assertThat(commands.propertyNames()).containsAll(COMMANDS);
		for (String name : COMMANDS) {
			JsonNode entry = commands.get(name);
			assertThat(entry.get("name").asString()).isEqualTo(name);
			assertThat(entry.get("description").isString()).isTrue();
			assertThat(entry.get("schema").get("type").asString()).isEqualTo("object");
			assertThat(entry.get("queued").isBoolean()).isTrue();
		}
		JsonNode subtract = commands.get("subtract").get("schema");
		assertThat(subtract.get("required").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("minuend",
				"subtrahend");
		assertThat(commands.get("greet").get("schema").at("/properties/times/maximum").asInt()).isEqualTo(3);
	}

	@Test
	void healthReportsStatusVersionUptimeAndComponents() {
		JsonNode health = getJson("/health");
		assertThat(health.get("status").asString()).isEqualTo("ok");
		assertThat(health.get("version").asString()).isEqualTo("9.9.9");
		assertThat(health.get("uptime").isNumber()).isTrue();
		assertThat(health.get("components").isObject()).isTrue();
		assertThat(health.get("components").get("commands").get("registered_count").asInt())
			.isGreaterThanOrEqualTo(COMMANDS.size());
	}

	@Test
	void heartbeatNamesTheServer() {
		JsonNode heartbeat = getJson("/heartbeat");
		assertThat(heartbeat.get("status").asString()).isEqualTo("ok");
		assertThat(heartbeat.get("server_name").asString()).isEqualTo("conformance");
		assertThat(heartbeat.get("server_url").asString()).isEqualTo("http://127.0.0.1:" + this.port);
		assertThat(heartbeat.get("timestamp").isNumber()).isTrue();
	}

	@Test
	void openApiIsVersion31WithACommandDiscriminatorAndOnlySingleTypes() {
		JsonNode doc = getJson("/openapi.json");
		assertThat(doc.get("openapi").asString()).startsWith("3.1");
		assertThat(doc.get("info").get("title").asString()).isEqualTo("conformance");
		assertThat(doc.get("paths").has("/api/jsonrpc")).isTrue();
		assertThat(doc.get("paths").has("/cmd")).isTrue();
		JsonNode request = doc.at("/components/schemas/CommandRequest");
		assertThat(request.get("discriminator").get("propertyName").asString()).isEqualTo("command");
		assertThat(request.get("oneOf").size()).isEqualTo(request.get("discriminator").get("mapping").size());
		assertThat(request.get("discriminator").get("mapping").propertyNames()).containsAll(COMMANDS);
		for (JsonNode ref : request.get("oneOf")) {
			String pointer = ref.get("$ref").asString().substring(1);
			assertThat(doc.at(pointer).isMissingNode()).as(pointer).isFalse();
		}
		List<String> problems = new ArrayList<>();
		collectTypeProblems("$", doc, problems);
		assertThat(problems).isEmpty();
	}

	@Test
	void openApiIsCachedBetweenRequests() {
		assertThat(this.http.get("/openapi.json").body()).isEqualTo(this.http.get("/openapi.json").body());
	}

	@Test
	void openRpcDescribesEveryCommand() {
		JsonNode doc = getJson("/openrpc.json");
		assertThat(doc.get("openrpc").asString()).startsWith("1.3");
		assertThat(doc.get("methods").valueStream().map((m) -> m.get("name").asString())).containsAll(COMMANDS);
		JsonNode subtract = doc.get("methods")
			.valueStream()
			.filter((m) -> m.get("name").asString().equals("subtract"))
			.findFirst()
			.orElseThrow();
		assertThat(subtract.get("params").valueStream().map((p) -> p.get("name").asString())).containsExactly("minuend",
				"subtrahend");
		assertThat(subtract.at("/result/schema/type").asString()).isEqualTo("integer");
	}

	@Test
	void docsPageListsEveryCommand() {
		HttpResponse<String> response = this.http.get("/docs");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).startsWith("<!DOCTYPE html>");
		for (String name : COMMANDS) {
			assertThat(response.body()).contains("id=\"cmd-" + name + "\"");
		}
		assertThat(response.body()).contains("Subtract subtrahend from minuend");
	}

	@Test
	void everyJsonRpcResponseIsApplicationJson() {
		for (String body : List.of("{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": 1}", "{", "[]", "[1]",
				"{\"jsonrpc\": \"2.0\", \"method\": \"nope\", \"id\": 1}")) {
			assertJsonContentType(this.http.post("/api/jsonrpc", body));
		}
	}

	@Test
	void webSocketPathWithoutAnUpgradeIsABadRequest() {
		HttpResponse<String> response = this.http.get("/ws");
		assertThat(response.statusCode()).isEqualTo(400);
		assertJsonContentType(response);
		assertThat(mapper.readTree(response.body()).get("error").get("code").asInt())
			.isEqualTo(ErrorCodes.INVALID_REQUEST);
	}

	static void collectTypeProblems(String path, JsonNode node, List<String> problems) {
		if (node.isObject()) {
			JsonNode type = node.get("type");
			if (type != null && !path.endsWith(".properties") && !type.isString()) {
				problems.add(path + ".type = " + type);
			}
			node.properties().forEach((e) -> collectTypeProblems(path + "." + e.getKey(), e.getValue(), problems));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collectTypeProblems(path + "[" + i + "]", node.get(i), problems);
			}
		}
	}

}
