package dev.rpcadapter.command;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The params schema is the one source of a command's parameters. */
class CommandDescriptorTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static ObjectNode schema() {
		return (ObjectNode) mapper.readTree("""
				{"type": "object", "properties": {
				  "job_id": {"type": "string", "description": "The job"},
				  "limit": {"type": "integer", "default": 100}},
				 "required": ["job_id"], "additionalProperties": false}""");
	}

	@Test
	void paramsAreDerivedFromTheSchemaInDeclaredOrder() {
		CommandDescriptor descriptor = CommandDescriptor.builder("queue_thing").paramsSchema(schema()).build();
		assertThat(descriptor.params()).extracting(CommandDescriptor.ParamInfo::name)
			.containsExactly("job_id", "limit");
		assertThat(descriptor.params()).extracting(CommandDescriptor.ParamInfo::required).containsExactly(true, false);
		assertThat(descriptor.params().get(0).description()).isEqualTo("The job");
		assertThat(descriptor.params().get(1).schema().get("default").asInt()).isEqualTo(100);
	}

	@Test
	void aParamListThatDisagreesWithTheSchemaIsRejected() {
		var other = new CommandDescriptor.ParamInfo("id", "", true, mapper.createObjectNode().put("type", "string"));
		assertThatIllegalArgumentException().isThrownBy(
				() -> CommandDescriptor.builder("queue_thing").paramsSchema(schema()).params(List.of(other)).build())
			.withMessageContaining("disagree");
	}

	@Test
	void aSchemaWithoutPropertiesHasNoParams() {
		assertThat(CommandDescriptor.builder("anything").build().params()).isEmpty();
	}

}
