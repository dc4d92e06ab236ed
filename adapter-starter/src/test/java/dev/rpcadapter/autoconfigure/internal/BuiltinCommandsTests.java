package dev.rpcadapter.autoconfigure.internal;

import java.time.Duration;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** echo accepts what OpenRPC publishes for it (paramStructure "either"). */
class BuiltinCommandsTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final Command echo = BuiltinCommands.echo();

	private Object run(String params) {
		return this.echo.handler()
			.prepare(mapper.readTree(params))
			.execute(Caller.ANONYMOUS, JobContext.NONE)
			.block(Duration.ofSeconds(5));
	}

	@Test
	void echoByPositionTakesTheMessage() {
		assertThat(run("[\"hi\"]").toString()).isEqualTo("{\"message\":\"hi\"}");
		assertThat(run("[]").toString()).isEqualTo("{\"message\":\"Hello\"}");
	}

	@Test
	void echoByNameEchoesEverything() {
		assertThat(run("{\"message\":\"hi\",\"n\":1}").toString()).isEqualTo("{\"message\":\"hi\",\"n\":1}");
		assertThat(run("{}").toString()).isEqualTo("{\"message\":\"Hello\"}");
	}

	@Test
	void echoRejectsASecondPosition() {
		JsonNode params = mapper.readTree("[\"a\", \"b\"]");
		assertThatExceptionOfType(JsonRpcException.class).isThrownBy(() -> this.echo.handler().prepare(params))
			.satisfies((ex) -> assertThat(ex.error().code()).isEqualTo(-32602));
	}

	@Test
	void echoParamsComeFromItsSchema() {
		assertThat(this.echo.descriptor().params()).singleElement()
			.satisfies((p) -> assertThat(p.name()).isEqualTo("message"));
	}

}
