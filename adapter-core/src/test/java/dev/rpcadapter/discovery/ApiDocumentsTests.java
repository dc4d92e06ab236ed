package dev.rpcadapter.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.method.AnnotatedCommandFactory;
import dev.rpcadapter.schema.SchemaGenerator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocumentsTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final ApiInfo info = new ApiInfo("svc", "1.2.3", "A service", "/api/jsonrpc", "/cmd");

	private final List<CommandDescriptor> commands = descriptors();

	private static List<CommandDescriptor> descriptors() {
		AnnotatedCommandFactory factory = AnnotatedCommandFactory.create(mapper, SchemaGenerator.create(mapper), null,
				Schedulers.immediate());
		List<CommandDescriptor> descriptors = new ArrayList<>(
				factory.commandsOf(new Commands(), Commands.class, "commands")
					.stream()
					.map(Command::descriptor)
					.toList());
		ObjectNode nullable = JsonNodeFactory.instance.objectNode().put("type", "object");
		nullable.putObject("properties").putObject("maybe").putArray("type").add("null").add("integer");
		descriptors
			.add(CommandDescriptor.builder("dynamic").description("registered by hand").paramsSchema(nullable).build());
		return descriptors;
	}

	@Test
	void openApiCommandRequestIsOneOfWithACommandDiscriminator() {
		ObjectNode doc = ApiDocuments.openApi(this.commands, info);
		assertThat(doc.get("openapi").asString()).startsWith("3.1");
		assertThat(doc.get("info").get("title").asString()).isEqualTo("svc");
		JsonNode schemas = doc.get("components").get("schemas");
		JsonNode request = schemas.get("CommandRequest");
		List<String> refs = request.get("oneOf").valueStream().map((n) -> n.get("$ref").asString()).toList();
		assertThat(refs).hasSize(this.commands.size());
		JsonNode discriminator = request.get("discriminator");
		assertThat(discriminator.get("propertyName").asString()).isEqualTo("command");
		for (CommandDescriptor command : this.commands) {
			String ref = discriminator.get("mapping").get(command.name()).asString();
			assertThat(refs).contains(ref);
			JsonNode target = schemas.get(ref.substring("#/components/schemas/".length()));
			assertThat(target).as(ref).isNotNull();
			assertThat(target.get("properties").get("command").get("enum").get(0).asString()).isEqualTo(command.name());
			assertThat(target.get("required").valueStream().map(JsonNode::asString)).contains("command");
		}
		assertThat(doc.get("paths").has("/api/jsonrpc")).isTrue();
		assertThat(doc.get("paths").has("/cmd")).isTrue();
	}

	@Test
	void openApiHasOnlySingleStringTypesAnywhere() {
		ObjectNode doc = ApiDocuments.openApi(this.commands, info);
		assertSingleStringTypes("$", doc);
		JsonNode maybe = doc.at("/components/schemas/CommandRequest_dynamic/properties/params/properties/maybe");
		assertThat(maybe.get("type").asString()).isEqualTo("integer");
	}

	@Test
	void openApiDoesNotModifyTheRegisteredSchemas() {
		ApiDocuments.openApi(this.commands, info);
		CommandDescriptor dynamic = this.commands.get(this.commands.size() - 1);
		assertThat(dynamic.paramsSchema().at("/properties/maybe/type").isArray()).isTrue();
	}

	@Test
	void openApiParamsCarryConstraintsAndDefaults() {
		ObjectNode doc = ApiDocuments.openApi(this.commands, info);
		JsonNode params = doc.at("/components/schemas/CommandRequest_paged/properties/params");
		assertThat(params.at("/properties/size/maximum").asInt()).isEqualTo(100);
		assertThat(params.at("/properties/size/default").asInt()).isEqualTo(10);
		assertThat(params.get("required").valueStream().map(JsonNode::asString)).containsExactly("query");
	}

	@Test
	void openRpcListsEveryMethodWithParamsAndResult() {
		ObjectNode doc = ApiDocuments.openRpc(this.commands, info, "http://127.0.0.1:8080/api/jsonrpc");
		assertThat(doc.get("openrpc").asString()).startsWith("1.3");
		JsonNode methods = doc.get("methods");
		assertThat(methods.valueStream().map((m) -> m.get("name").asString()))
			.containsExactlyElementsOf(this.commands.stream().map(CommandDescriptor::name).toList());
		for (JsonNode method : methods) {
			assertThat(method.has("params")).as(method.toString()).isTrue();
			assertThat(method.get("result").has("name")).isTrue();
			assertThat(method.get("result").has("schema")).isTrue();
			for (JsonNode param : method.get("params")) {
				assertThat(param.has("name")).isTrue();
				assertThat(param.has("schema")).isTrue();
				assertThat(param.get("required").isBoolean()).isTrue();
			}
		}
		JsonNode paged = methods.valueStream()
			.filter((m) -> m.get("name").asString().equals("paged"))
			.findFirst()
			.get();
		assertThat(paged.get("description").asString()).isEqualTo("Search, paged");
		assertThat(paged.get("params").get(0).get("name").asString()).isEqualTo("query");
		assertThat(paged.get("params").get(0).get("required").asBoolean()).isTrue();
		assertThat(paged.get("params").get(1).get("required").asBoolean()).isFalse();
		assertThat(paged.at("/result/schema/type").asString()).isEqualTo("array");
	}

	@Test
	void openRpcDescribesQueuedCommandsByTheirJobEnvelope() {
		ObjectNode doc = ApiDocuments.openRpc(this.commands, info, "http://127.0.0.1:8080/api/jsonrpc");
		JsonNode job = doc.get("methods")
			.valueStream()
			.filter((m) -> m.get("name").asString().equals("longJob"))
			.findFirst()
			.get();
		assertThat(job.at("/result/schema/properties").has("job_id")).isTrue();
	}

	static void assertSingleStringTypes(String path, JsonNode node) {
		if (node.isObject()) {
			JsonNode type = node.get("type");
			if (type != null && !path.endsWith(".properties")) {
				assertThat(type.isString()).as(path + " has type " + type).isTrue();
			}
			node.properties().forEach((e) -> assertSingleStringTypes(path + "." + e.getKey(), e.getValue()));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				assertSingleStringTypes(path + "[" + i + "]", node.get(i));
			}
		}
	}

	public record Hit(String title, Optional<Double> score) {
	}

	public static class Commands {

		@JsonRpcCommand(name = "paged", description = "Search, paged")
		public List<Hit> paged(String query, @CommandParam(defaultValue = "10") @Min(1) @Max(100) int size) {
			return List.of();
		}

		@JsonRpcCommand(name = "hits")
		public Hit hits(List<Hit> hits, Optional<String> filter) {
			return hits.get(0);
		}

		@JsonRpcCommand(name = "longJob", queued = true)
		public String longJob(String input) {
			return input;
		}

	}

}
