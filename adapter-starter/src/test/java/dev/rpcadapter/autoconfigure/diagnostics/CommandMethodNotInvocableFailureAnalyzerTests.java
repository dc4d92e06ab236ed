package dev.rpcadapter.autoconfigure.diagnostics;

import dev.rpcadapter.command.CommandMethodNotInvocableException;
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
import org.springframework.validation.annotation.Validated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class CommandMethodNotInvocableFailureAnalyzerTests {

	@Test
	void analysisNamesTheMethodTheReasonAndTheFix() {
		var cause = new CommandMethodNotInvocableException("audit#log", "it is static", "Make it an instance method.");
		FailureAnalysis analysis = new CommandMethodNotInvocableFailureAnalyzer()
			.analyze(new BeanCreationException("audit", "failed", cause));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("audit#log", "it is static");
		assertThat(analysis.getAction()).isEqualTo("Make it an instance method.");
	}

	@Test
	void privateCommandOnAProxiedBeanFailsStartupInsteadOfBeingSkipped(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(PrivateOnProxyApplication.class).web(WebApplicationType.NONE)
				.run("--spring.main.banner-mode=off"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The @JsonRpcCommand method hiddenCommands#hidden cannot be called")
			.contains("class-based proxy")
			.contains("Make it package-private, protected or public");
	}

	@Validated
	static class HiddenCommands {

		@JsonRpcCommand
		private String hidden() {
			return "never";
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class PrivateOnProxyApplication {

		@Bean
		HiddenCommands hiddenCommands() {
			return new HiddenCommands();
		}

	}

}
