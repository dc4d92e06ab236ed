package dev.rpcadapter.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every command of the demo, the params that OpenRPC ({@code /openrpc.json} and
 * {@code rpc.discover}), OpenAPI, {@code /commands}, {@code help} and {@code /docs}
 * publish agree, and the example call {@code /docs} shows is accepted by the binder, by
 * name and by position.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishedParamsAgreementIntegrationTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final Pattern SECTION = Pattern.compile(
			"<section class=\"command\" id=\"cmd-[^\"]*\" data-command=\"([^\"]+)\">(.*?)</section>", Pattern.DOTALL);

	private static final Pattern PARAM_ROW = Pattern
		.compile("<tr><td><code>([^<]+)</code></td><td>[^<]*</td><td>(yes|no)</td>");

	private static final Pattern EXAMPLE = Pattern.compile("<pre class=\"example\">.*? -d '(.*?)' \\\\",
			Pattern.DOTALL);

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	private String get(String path) throws Exception {
		HttpResponse<String> response = this.client.send(
				HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private JsonNode rpc(String body) throws Exception {
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(uri("/api/jsonrpc"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(body).isEqualTo(200);
		return mapper.readTree(response.body());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** "name" or "name?" (optional), in declared order. */
	private static String param(String name, boolean required) {
		return required ? name : name + "?";
	}

	private static List<String> fromSchema(JsonNode schema) {
		TreeSet<String> required = new TreeSet<>();
		schema.path("required").forEach((n) -> required.add(n.asString()));
		List<String> params = new ArrayList<>();
		schema.path("properties").propertyNames().forEach((name) -> params.add(param(name, required.contains(name))));
		return params;
	}

	private Map<String, List<String>> fromCommandsEndpoint() throws Exception {
		Map<String, List<String>> params = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : mapper.readTree(get("/commands")).properties()) {
			params.put(entry.getKey(), fromSchema(entry.getValue().get("schema")));
		}
		return params;
	}

	private static Map<String, List<String>> fromOpenRpc(JsonNode doc) {
		Map<String, List<String>> params = new LinkedHashMap<>();
		for (JsonNode method : doc.get("methods")) {
			assertThat(method.get("paramStructure").asString()).isEqualTo("either");
			List<String> names = new ArrayList<>();
			method.get("params")
				.forEach((p) -> names.add(param(p.get("name").asString(), p.path("required").asBoolean())));
			params.put(method.get("name").asString(), names);
		}
		return params;
	}

	private Map<String, List<String>> fromOpenApi() throws Exception {
		Map<String, List<String>> params = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> schema : mapper.readTree(get("/openapi.json"))
			.at("/components/schemas")
			.properties()) {
			if (schema.getKey().startsWith("CommandRequest_")) {
				params.put(schema.getKey().substring("CommandRequest_".length()),
						fromSchema(schema.getValue().at("/properties/params")));
			}
		}
		return params;
	}

	private Map<String, List<String>> fromHelp() throws Exception {
		Map<String, List<String>> params = new LinkedHashMap<>();
		JsonNode list = rpc("{\"jsonrpc\":\"2.0\",\"method\":\"help\",\"id\":1}").at("/result/commands");
		for (Map.Entry<String, JsonNode> entry : list.properties()) {
			JsonNode described = rpc("{\"jsonrpc\":\"2.0\",\"method\":\"help\",\"params\":{\"cmdname\":\""
					+ entry.getKey() + "\"},\"id\":1}")
				.at("/result/schema");
			List<String> fromSchema = fromSchema(described);
			assertThat(fromSchema.stream().map((p) -> p.replace("?", "")).toList())
				.as("help list vs help " + entry.getKey())
				.isEqualTo(entry.getValue().get("params").valueStream().map(JsonNode::asString).toList());
			params.put(entry.getKey(), fromSchema);
		}
		return params;
	}

	/** The /docs table of each command, and its example call. */
	private Map<String, List<String>> fromDocs(Map<String, String> examples) throws Exception {
		Map<String, List<String>> params = new LinkedHashMap<>();
		Matcher section = SECTION.matcher(get("/docs"));
		while (section.find()) {
			List<String> names = new ArrayList<>();
			Matcher row = PARAM_ROW.matcher(section.group(2));
			while (row.find()) {
				names.add(param(unescape(row.group(1)), row.group(2).equals("yes")));
			}
			params.put(section.group(1), names);
			Matcher example = EXAMPLE.matcher(section.group(2));
			assertThat(example.find()).as("example of " + section.group(1)).isTrue();
			examples.put(section.group(1), unescape(example.group(1)));
		}
		return params;
	}

	private static String unescape(String html) {
		return html.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	@Test
	void everyDocumentPublishesTheSameParamsForEveryCommand() throws Exception {
		Map<String, List<String>> reference = fromCommandsEndpoint();
		assertThat(reference).containsKeys("subtract", "echo", "queue_get_job_status", "job_status", "queue_stop_job",
				"queue_delete_job", "queue_list_jobs", "long_task");
		assertThat(reference.get("queue_get_job_status")).containsExactly("job_id");
		assertThat(reference.get("queue_list_jobs")).containsExactly("status_filter?", "command?", "job_type?",
				"limit?", "offset?");
		assertThat(fromOpenRpc(mapper.readTree(get("/openrpc.json")))).as("/openrpc.json").isEqualTo(reference);
		JsonNode discover = rpc("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}").get("result");
		assertThat(fromOpenRpc(discover)).as("rpc.discover").isEqualTo(reference);
		assertThat(fromOpenApi()).as("/openapi.json").isEqualTo(reference);
		assertThat(fromHelp()).as("help").isEqualTo(reference);
		assertThat(fromDocs(new LinkedHashMap<>())).as("/docs").isEqualTo(reference);
	}

	@Test
	void theDocsExampleOfEveryCommandIsAcceptedByNameAndByPosition() throws Exception {
		Map<String, String> examples = new LinkedHashMap<>();
		Map<String, List<String>> declared = fromDocs(examples);
		assertThat(examples).hasSizeGreaterThan(10);
		for (Map.Entry<String, String> example : examples.entrySet()) {
			JsonNode request = mapper.readTree(example.getValue());
			assertAccepted(example.getKey(), rpc(example.getValue()));
			// by position: the example's values in declared order, up to the first one it
			// leaves out
			ArrayNode positional = mapper.createArrayNode();
			for (String param : declared.get(example.getKey())) {
				JsonNode value = request.get("params").get(param.replace("?", ""));
				if (value == null) {
					break;
				}
				positional.add(value);
			}
			String byPosition = mapper
				.writeValueAsString(((tools.jackson.databind.node.ObjectNode) request).set("params", positional));
			assertAccepted(example.getKey() + " by position", rpc(byPosition));
		}
	}

	private void assertAccepted(String what, JsonNode response) throws Exception {
		// a -32602 about a reference to server state ("unknown transfer") is not a shape
		// problem the
		// documents could have prevented; every other -32602 is
		boolean unknownReference = response.at("/error/data/errors")
			.valueStream()
			.allMatch((e) -> e.path("message").asString().startsWith("unknown ")
					&& !e.path("message").asString().startsWith("unknown parameter"))
				&& !response.at("/error/data/errors").isEmpty();
		if (!unknownReference) {
			assertThat(response.path("error").path("code").asInt(0)).as(what + " -> " + response).isNotIn(-32602);
		}
		assertThat(response.path("error").path("code").asInt(0)).as(what + " -> " + response).isNotIn(-32601, -32600);
		String jobId = response.path("result").path("job_id").asString("");
		if (!jobId.isEmpty()) {
			// a queued example (long_task works for 5 s): stop it, leave nothing running
			rpc("{\"jsonrpc\":\"2.0\",\"method\":\"queue_stop_job\",\"params\":{\"job_id\":\"" + jobId
					+ "\"},\"id\":1}");
		}
	}

}
