package dev.rpcadapter.autoconfigure.queue;

import dev.rpcadapter.command.CommandRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class JdbcStoreWithoutDataSourceFailureAnalyzerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QuartzAutoConfiguration.class, AdapterQueueAutoConfiguration.class))
		.withBean(CommandRegistry.class, CommandRegistry::create);

	@Test
	void jdbcStoreWithoutDataSourceFailsAtStartupWithAnAnalysisThatSaysHowToFixIt() {
		this.runner.withPropertyValues("adapter.queue.store=jdbc").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new JdbcStoreWithoutDataSourceFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("adapter.queue.store=jdbc").contains("no DataSource");
			assertThat(analysis.getAction()).contains("spring.datasource.url")
				.contains("spring-boot-starter-jdbc")
				.contains("adapter.queue.store=memory");
		});
	}

	@Test
	void otherFailuresAreNotAnalyzed() {
		assertThat(new JdbcStoreWithoutDataSourceFailureAnalyzer().analyze(new IllegalStateException("other")))
			.isNull();
	}

	@Test
	void startupFailureIsReportedWithTheAnalysis(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(QueueTestApplication.class)
			.web(WebApplicationType.NONE)
			.properties("adapter.queue.store=jdbc", "spring.main.banner-mode=off",
					"spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
		assertThatException().isThrownBy(application::run)
			.withRootCauseInstanceOf(JdbcStoreWithoutDataSourceException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("no DataSource bean exists")
			.contains("set adapter.queue.store=memory");
	}

}
