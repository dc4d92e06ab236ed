package dev.rpcadapter.autoconfigure.diagnostics;

import dev.rpcadapter.command.DuplicateCommandException;
import dev.rpcadapter.command.JsonRpcCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class DuplicateCommandFailureAnalyzerTests {

	@Test
	void analysisNamesTheCommandAndBothDeclarations() {
		DuplicateCommandException cause = new DuplicateCommandException("add", "mathCommands#add",
				"otherCommands#plus");
		FailureAnalysis analysis = new DuplicateCommandFailureAnalyzer()
			.analyze(new BeanCreationException("otherCommands", "failed", cause));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("'add'", "mathCommands#add", "otherCommands#plus");
		assertThat(analysis.getAction()).contains("@JsonRpcCommand(name");
	}

	@Test
	void applicationWithDuplicateCommandsFailsWithTheAnalysis(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(DuplicateApplication.class).web(WebApplicationType.NONE)
				.run("--spring.main.banner-mode=off"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Two JSON-RPC commands are named 'add'")
			.contains("first#add")
			.contains("second#add");
	}

	public static class Adder {

		@JsonRpcCommand(name = "add")
		public int add(int a, int b) {
			return a + b;
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class DuplicateApplication {

		@Bean
		Adder first() {
			return new Adder();
		}

		@Bean
		Adder second() {
			return new Adder();
		}

	}

}
