package dev.rpcadapter.method;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.command.McpExchange;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.schema.SchemaGenerator;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AnnotatedCommandFactoryTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final Validator validator = Validation.byDefaultProvider()
		.configure()
		.messageInterpolator(new ParameterMessageInterpolator())
		.buildValidatorFactory()
		.getValidator();

	private final AnnotatedCommandFactory factory = AnnotatedCommandFactory.create(mapper,
			SchemaGenerator.create(mapper), validator, Schedulers.boundedElastic());

	private final List<Command> commands = this.factory.commandsOf(new Commands(), Commands.class, "commands");

	private Command command(String name) {
		return this.commands.stream().filter((c) -> c.name().equals(name)).findFirst().orElseThrow();
	}

	private JsonNode run(String name, String params) {
		return run(name, params, Caller.ANONYMOUS, JobContext.NONE);
	}

	private JsonNode run(String name, String params, Caller caller, JobContext job) {
		JsonNode node = (params != null) ? mapper.readTree(params) : null;
		Object result = command(name).handler().prepare(node).execute(caller, job).block(Duration.ofSeconds(5));
		return (result instanceof JsonNode json) ? json : mapper.valueToTree(result);
	}

	private JsonRpcError rejected(String name, String params) {
		JsonNode node = (params != null) ? mapper.readTree(params) : null;
		return assertThatExceptionOfType(JsonRpcException.class).isThrownBy(() -> command(name).handler().prepare(node))
			.actual()
			.error();
	}

	private static List<String> params(JsonRpcError error) {
		assertThat(error.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
		List<String> names = new ArrayList<>();
		error.data().get("errors").forEach((e) -> {
			assertThat(e.get("message").asString()).isNotBlank();
			names.add(e.get("param").asString());
		});
		return names;
	}

	@Test
	void oneCommandPerAnnotatedMethodNamedByAnnotationOrMethod() {
		assertThat(this.commands).extracting(Command::name).contains("add", "plainName", "greet");
		assertThat(command("add").descriptor().description()).isEqualTo("Add two ints");
		assertThat(command("add").descriptor().source()).isEqualTo("commands#add");
	}

	@Test
	void paramsBindByNameOrByPosition() {
		assertThat(run("add", "{\"b\": 2, \"a\": 40}").toString()).isEqualTo("42");
		assertThat(run("add", "[40, 2]").toString()).isEqualTo("42");
	}

	@Test
	void missingRequiredParamIsRejected() {
		assertThat(params(rejected("add", "{\"a\": 1}"))).containsExactly("b");
		assertThat(params(rejected("add", "[1]"))).containsExactly("b");
		assertThat(params(rejected("add", null))).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void tooManyPositionalParamsAreRejected() {
		assertThat(params(rejected("add", "[1, 2, 3]"))).containsExactly("params");
	}

	@Test
	void unknownNamedParamsAreRejectedUnlessTheCommandAcceptsThem() {
		assertThat(params(rejected("add", "{\"a\": 1, \"b\": 2, \"c\": 3}"))).containsExactly("c");
		assertThat(run("lenient", "{\"a\": 1, \"whatever\": true}").toString()).isEqualTo("1");
	}

	@Test
	void wrongTypesAreRejectedStrictly() {
		assertThat(params(rejected("add", "{\"a\": \"1\", \"b\": 2}"))).containsExactly("a");
		assertThat(params(rejected("add", "{\"a\": 1.5, \"b\": 2}"))).containsExactly("a");
		assertThat(params(rejected("add", "{\"a\": null, \"b\": 2}"))).containsExactly("a");
		assertThat(params(rejected("add", "{\"a\": true, \"b\": 2}"))).containsExactly("a");
		assertThat(params(rejected("add", "{\"a\": {}, \"b\": 2}"))).containsExactly("a");
		assertThat(params(rejected("greet", "{\"name\": 5}"))).containsExactly("name");
		assertThat(params(rejected("greet", "{\"name\": true}"))).containsExactly("name");
		assertThat(params(rejected("greet", "{\"name\": [\"x\"]}"))).containsExactly("name");
		assertThat(params(rejected("flag", "{\"on\": 1}"))).containsExactly("on");
		assertThat(params(rejected("flag", "{\"on\": \"true\"}"))).containsExactly("on");
	}

	@Test
	void typeErrorsDoNotLeakParserMessages() {
		JsonRpcError error = rejected("person", "{\"person\": {\"name\": \"x\", \"age\": \"old\"}}");
		assertThat(error.data().toString()).doesNotContain("Exception")
			.doesNotContain("tools.jackson")
			.doesNotContain("java.");
		assertThat(error.data().get("errors").get(0).get("message").asString()).contains("age");
	}

	@Test
	void defaultsApplyWhenParamsAreAbsent() {
		assertThat(run("greet", "{\"name\": \"Ann\"}").asString()).isEqualTo("Hello, Ann x3");
		assertThat(run("greet", "{\"name\": \"Ann\", \"greeting\": \"Hi\", \"times\": 1}").asString())
			.isEqualTo("Hi, Ann x1");
		assertThat(run("greet", "[\"Bob\"]").asString()).isEqualTo("Hello, Bob x3");
	}

	@Test
	void stringDefaultThatLooksLikeANumberStaysAString() {
		assertThat(run("code", "{}").asString()).isEqualTo("code=007 port=8080 label=quoted");
		assertThat(run("code", "{\"code\": \"x\", \"port\": \"1\"}").asString())
			.isEqualTo("code=x port=1 label=quoted");
		assertThat(command("code").descriptor().paramsSchema().get("properties").get("port").get("default").isString())
			.isTrue();
	}

	@Test
	void optionalParamsAreEmptyWhenAbsent() {
		assertThat(run("maybe", "{}").asString()).isEqualTo("none");
		assertThat(run("maybe", "{\"n\": 4}").asString()).isEqualTo("4");
		assertThat(params(rejected("maybe", "{\"n\": \"4\"}"))).containsExactly("n");
	}

	@Test
	void nonRequiredReferenceParamIsNullWhenAbsent() {
		assertThat(run("optionalByFlag", "{}").asString()).isEqualTo("null");
	}

	@Test
	void recordsCollectionsMapsAndJsonNodesBind() {
		assertThat(run("person", "{\"person\": {\"name\": \"Ann\", \"age\": 30}}").asString()).isEqualTo("Ann(30)");
		assertThat(
				run("people", "{\"people\": [{\"name\": \"A\", \"age\": 1}, {\"name\": \"B\", \"age\": 2}]}").asInt())
			.isEqualTo(3);
		assertThat(run("tags", "{\"tags\": {\"a\": 1, \"b\": 2}}").asInt()).isEqualTo(3);
		assertThat(run("raw", "{\"node\": {\"any\": [1, \"x\", null]}}").get("any").size()).isEqualTo(3);
		assertThat(run("pojo", "{\"box\": {\"label\": \"l\", \"size\": 2}}").asString()).isEqualTo("l:2");
	}

	@Test
	void unknownPropertiesOfRecordParamsAreRejected() {
		JsonRpcError error = rejected("person", "{\"person\": {\"name\": \"Ann\", \"age\": 3, \"extra\": 1}}");
		assertThat(params(error)).containsExactly("person");
	}

	@Test
	void beanValidationViolationsAreInvalidParamsNamingEachParam() {
		JsonRpcError error = rejected("validated", "{\"text\": \" \", \"count\": 0, \"code\": \"abc\"}");
		assertThat(params(error)).containsExactlyInAnyOrder("text", "count", "code");
		assertThat(error.data().toString()).doesNotContain("Exception");
	}

	@Test
	void beanValidationCascadesIntoRecordParams() {
		JsonRpcError error = rejected("validPerson", "{\"person\": {\"name\": \"\", \"age\": 200}}");
		assertThat(params(error)).containsExactlyInAnyOrder("person.name", "person.age");
	}

	@Test
	void validParamsPassValidation() {
		assertThat(run("validated", "{\"text\": \"t\", \"count\": 2, \"code\": \"AB\"}").asString()).isEqualTo("t2AB");
	}

	@Test
	void asyncReturnValuesAreAwaited() {
		assertThat(run("mono", "{}").asString()).isEqualTo("mono");
		assertThat(run("stage", "{}").asString()).isEqualTo("stage");
	}

	@Test
	void callerAndJobContextAreInjectedAndNotParams() {
		List<String> progress = new ArrayList<>();
		JobContext job = new RecordingJob(progress::add);
		JsonNode result = run("whoami", "{\"suffix\": \"!\"}", Caller.of("alice", java.util.Set.of("admin")), job);
		assertThat(result.asString()).isEqualTo("alice job-7!");
		assertThat(progress).containsExactly("50:half");
		assertThat(run("whoami", "[\"?\"]").asString()).isEqualTo("anonymous ?");
		CommandDescriptor descriptor = command("whoami").descriptor();
		assertThat(descriptor.params()).extracting(CommandDescriptor.ParamInfo::name).containsExactly("suffix");
		assertThat(descriptor.paramsSchema().get("properties").propertyNames()).containsExactly("suffix");
	}

	@Test
	void theMcpExchangeIsInjectedNotAParamAndIsNoneOutsideMcp() {
		assertThat(command("client").descriptor().paramsSchema().get("properties").propertyNames())
			.containsExactly("text");
		assertThat(run("client", "{\"text\": \"t\"}").asString()).isEqualTo("t:false");
		McpExchange connected = new RecordingExchange();
		Object result = command("client").handler()
			.prepare(mapper.readTree("{\"text\": \"t\"}"))
			.execute(Caller.ANONYMOUS, JobContext.NONE)
			.contextWrite(Context.of(McpExchange.class, connected))
			.block(Duration.ofSeconds(5));
		assertThat(result).isEqualTo("t:true");
	}

	@Test
	void paramsSchemaListsRequiredDefaultsAndConstraints() {
		ObjectNode schema = command("validated").descriptor().paramsSchema();
		assertThat(schema.get("type").asString()).isEqualTo("object");
		assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
		assertThat(schema.get("required").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("text",
				"code");
		JsonNode properties = schema.get("properties");
		assertThat(properties.get("text").get("type").asString()).isEqualTo("string");
		assertThat(properties.get("text").get("minLength").asInt()).isEqualTo(1);
		assertThat(properties.get("text").get("maxLength").asInt()).isEqualTo(10);
		assertThat(properties.get("count").get("type").asString()).isEqualTo("integer");
		assertThat(properties.get("count").get("minimum").asInt()).isEqualTo(1);
		assertThat(properties.get("count").get("maximum").asInt()).isEqualTo(5);
		assertThat(properties.get("count").get("default").asInt()).isEqualTo(1);
		assertThat(properties.get("code").get("pattern").asString()).isEqualTo("[A-Z]+");
		assertThat(properties.get("code").get("description").asString()).isEqualTo("upper-case code");
		assertThat(
				command("email").descriptor().paramsSchema().get("properties").get("address").get("format").asString())
			.isEqualTo("email");
	}

	@Test
	void optionalParamSchemaDescribesTheContainedType() {
		JsonNode schema = command("maybe").descriptor().paramsSchema();
		assertThat(schema.get("properties").get("n").get("type").asString()).isEqualTo("integer");
		assertThat(schema.has("required")).isFalse();
	}

	@Test
	void recordParamSchemaDescribesItsProperties() {
		JsonNode person = command("person").descriptor().paramsSchema().get("properties").get("person");
		assertThat(person.get("type").asString()).isEqualTo("object");
		assertThat(person.get("properties").get("age").get("type").asString()).isEqualTo("integer");
		JsonNode people = command("people").descriptor().paramsSchema().get("properties").get("people");
		assertThat(people.get("type").asString()).isEqualTo("array");
		assertThat(people.get("items").get("type").asString()).isEqualTo("object");
	}

	@Test
	void resultSchemaUnwrapsAsyncAndOptionalTypes() {
		assertThat(command("add").descriptor().resultSchema().get("type").asString()).isEqualTo("integer");
		assertThat(command("mono").descriptor().resultSchema().get("type").asString()).isEqualTo("string");
		assertThat(command("stage").descriptor().resultSchema().get("type").asString()).isEqualTo("string");
		assertThat(command("nothing").descriptor().resultSchema().get("type").asString()).isEqualTo("null");
	}

	@Test
	void noSchemaUsesTypeArrays() {
		for (Command command : this.commands) {
			assertNoTypeArrays(command.name(), command.descriptor().paramsSchema());
			assertNoTypeArrays(command.name(), command.descriptor().resultSchema());
		}
	}

	@Test
	void descriptorCarriesTheAnnotationOptions() {
		CommandDescriptor descriptor = command("queuedJob").descriptor();
		assertThat(descriptor.queued()).isTrue();
		assertThat(descriptor.timeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(descriptor.recoverable()).isTrue();
		assertThat(command("lenient").descriptor().acceptsExtraParams()).isTrue();
		assertThat(command("lenient").descriptor().paramsSchema().get("additionalProperties").asBoolean()).isTrue();
	}

	@Test
	void invalidTimeoutFailsWithAPreciseMessage() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.factory.commandsOf(new BadTimeout(), BadTimeout.class, "bad"))
			.withMessageContaining("bad#run")
			.withMessageContaining("soon");
	}

	@Test
	void staticCommandMethodIsRejected() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.factory.commandsOf(new StaticCommand(), StaticCommand.class, "static"))
			.withMessageContaining("static");
	}

	static void assertNoTypeArrays(String where, JsonNode node) {
		if (node.isObject()) {
			JsonNode type = node.get("type");
			if (type != null) {
				assertThat(type.isString()).as(where + ": " + node).isTrue();
			}
			node.properties().forEach((e) -> assertNoTypeArrays(where + "." + e.getKey(), e.getValue()));
		}
		else if (node.isArray()) {
			node.forEach((e) -> assertNoTypeArrays(where + "[]", e));
		}
	}

	public record Person(String name, int age) {
	}

	public record ValidPerson(@NotBlank String name, @Min(0) @Max(150) int age) {
	}

	public static class Box {

		private String label;

		private int size;

		public String getLabel() {
			return this.label;
		}

		public void setLabel(String label) {
			this.label = label;
		}

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

	}

	/**
	 * An exchange that says it is connected (the MCP transport's stands in the Reactor
	 * context).
	 */
	static final class RecordingExchange implements McpExchange {

		@Override
		public boolean isConnected() {
			return true;
		}

		@Override
		public boolean clientSupports(String capability) {
			return false;
		}

		@Override
		public void log(String level, @org.jspecify.annotations.Nullable String logger, Object data) {
		}

		@Override
		public Mono<JsonNode> request(String method, Object params) {
			return Mono.empty();
		}

	}

	record RecordingJob(Consumer<String> sink) implements JobContext {

		@Override
		public String jobId() {
			return "job-7";
		}

		@Override
		public void progress(int percent, String description) {
			this.sink.accept(percent + ":" + description);
		}

		@Override
		public boolean isStopRequested() {
			return false;
		}
	}

	public static class Commands {

		@JsonRpcCommand(name = "add", description = "Add two ints")
		public int add(@CommandParam("a") int a, @CommandParam("b") int b) {
			return a + b;
		}

		@JsonRpcCommand
		public String plainName() {
			return "plain";
		}

		@JsonRpcCommand(name = "greet")
		public String greet(String name, @CommandParam(defaultValue = "Hello") String greeting,
				@CommandParam(defaultValue = "3") int times) {
			return greeting + ", " + name + " x" + times;
		}

		@JsonRpcCommand(name = "code")
		public String code(@CommandParam(defaultValue = "007") String code,
				@CommandParam(defaultValue = "8080") String port,
				@CommandParam(defaultValue = "\"quoted\"") String label) {
			return "code=" + code + " port=" + port + " label=" + label;
		}

		@JsonRpcCommand(name = "flag")
		public boolean flag(boolean on) {
			return on;
		}

		@JsonRpcCommand(name = "maybe")
		public String maybe(Optional<Integer> n) {
			return n.map(String::valueOf).orElse("none");
		}

		@JsonRpcCommand(name = "optionalByFlag")
		public String optionalByFlag(@CommandParam(required = false) String text) {
			return String.valueOf(text);
		}

		@JsonRpcCommand(name = "lenient", acceptsExtraParams = true)
		public int lenient(int a) {
			return a;
		}

		@JsonRpcCommand(name = "person")
		public String person(Person person) {
			return person.name() + "(" + person.age() + ")";
		}

		@JsonRpcCommand(name = "validPerson")
		public String validPerson(@Valid ValidPerson person) {
			return person.name();
		}

		@JsonRpcCommand(name = "people")
		public int people(List<Person> people) {
			return people.stream().mapToInt(Person::age).sum();
		}

		@JsonRpcCommand(name = "tags")
		public int tags(Map<String, Integer> tags) {
			return tags.values().stream().mapToInt(Integer::intValue).sum();
		}

		@JsonRpcCommand(name = "raw")
		public JsonNode raw(JsonNode node) {
			return node;
		}

		@JsonRpcCommand(name = "pojo")
		public String pojo(Box box) {
			return box.getLabel() + ":" + box.getSize();
		}

		@JsonRpcCommand(name = "validated")
		public String validated(@NotBlank @Size(max = 10) String text,
				@CommandParam(defaultValue = "1") @Min(1) @Max(5) int count,
				@CommandParam(description = "upper-case code") @Pattern(regexp = "[A-Z]+") String code) {
			return text + count + code;
		}

		@JsonRpcCommand(name = "email")
		public String email(@Email String address) {
			return address;
		}

		@JsonRpcCommand(name = "mono")
		public Mono<String> mono() {
			return Mono.just("mono").delayElement(Duration.ofMillis(5));
		}

		@JsonRpcCommand(name = "stage")
		public CompletionStage<String> stage() {
			return CompletableFuture.supplyAsync(() -> "stage");
		}

		@JsonRpcCommand(name = "nothing")
		public void nothing() {
		}

		@JsonRpcCommand(name = "whoami")
		public String whoami(Caller caller, String suffix, JobContext job) {
			job.progress(50, "half");
			return caller.principal() + (job.jobId().isEmpty() ? "" : " " + job.jobId())
					+ (job.jobId().isEmpty() ? " " : "") + suffix;
		}

		@JsonRpcCommand(name = "client")
		public String client(String text, McpExchange client) {
			return text + ":" + client.isConnected();
		}

		@JsonRpcCommand(name = "queuedJob", queued = true, timeout = "5m", recoverable = true)
		public String queuedJob(JobContext job) {
			return job.jobId();
		}

	}

	public static class BadTimeout {

		@JsonRpcCommand(timeout = "soon")
		public void run() {
		}

	}

	public static class StaticCommand {

		@JsonRpcCommand
		public static void run() {
		}

	}

}
