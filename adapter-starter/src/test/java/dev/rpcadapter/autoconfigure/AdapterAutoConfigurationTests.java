package dev.rpcadapter.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.command.DuplicateCommandException;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.dispatch.CallObservationConvention;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import dev.rpcadapter.dispatch.DefaultCallObservationConvention;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.method.AnnotatedCommandFactory;
import dev.rpcadapter.schema.SchemaGenerator;
import dev.rpcadapter.web.AdapterHealth;
import dev.rpcadapter.web.ApiDocumentCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AdapterAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(JacksonAutoConfiguration.class, ValidationAutoConfiguration.class, AdapterAutoConfiguration.class));

	private static JsonNode call(JsonRpcDispatcher dispatcher, String body) {
		byte[] response = dispatcher
			.handle(body.getBytes(StandardCharsets.UTF_8), CallContext.of(Caller.ANONYMOUS, "test"))
			.block(Duration.ofSeconds(5));
		return JsonMapper.builder().build().readTree(new String(response, StandardCharsets.UTF_8));
	}

	@Test
	void defaultBeansArePresentAndBuiltinCommandsRegistered() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(CommandRegistry.class)
				.hasSingleBean(JsonRpcDispatcher.class)
				.hasSingleBean(CommandAuthorizer.class)
				.hasSingleBean(AnnotatedCommandFactory.class)
				.hasSingleBean(SchemaGenerator.class)
				.hasSingleBean(ApiDocumentCache.class)
				.hasSingleBean(AdapterHealth.class)
				.hasSingleBean(AdapterJsonRpcProperties.class);
			assertThat(context.getBean(CommandRegistry.class).all()).extracting(Command::name)
				.contains("echo", "help", "health");
		});
	}

	@Test
	void switchedOffLeavesNoAdapterBeans() {
		this.runner.withPropertyValues("adapter.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(CommandRegistry.class)
				.doesNotHaveBean(JsonRpcDispatcher.class)
				.doesNotHaveBean(CommandAuthorizer.class);
		});
	}

	@Test
	void commandBeansAreRegisteredAndCallable() {
		this.runner.withUserConfiguration(MathConfiguration.class).run((context) -> {
			Command add = context.getBean(CommandRegistry.class).find("add").orElseThrow();
			assertThat(add.descriptor().source()).isEqualTo("mathCommands#add");
			JsonNode response = call(context.getBean(JsonRpcDispatcher.class),
					"{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[2,3],\"id\":1}");
			assertThat(response.get("result").asInt()).isEqualTo(5);
		});
	}

	@Test
	void beanValidationIsWiredIntoCommands() {
		this.runner.withUserConfiguration(MathConfiguration.class).run((context) -> {
			JsonNode response = call(context.getBean(JsonRpcDispatcher.class),
					"{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[-1,3],\"id\":1}");
			assertThat(response.get("error").get("code").asInt()).isEqualTo(ErrorCodes.INVALID_PARAMS);
			assertThat(response.get("error").get("data").get("errors").get(0).get("param").asString()).isEqualTo("a");
		});
	}

	@Test
	void propertiesConfigureTheDispatcher() {
		this.runner.withUserConfiguration(MathConfiguration.class)
			.withPropertyValues("adapter.jsonrpc.max-batch-size=1", "adapter.jsonrpc.result-format=envelope")
			.run((context) -> {
				JsonRpcDispatcher dispatcher = context.getBean(JsonRpcDispatcher.class);
				JsonNode batch = call(dispatcher, "[{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,1],\"id\":1},"
						+ "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,1],\"id\":2}]");
				assertThat(batch.get("error").get("code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
				JsonNode single = call(dispatcher,
						"{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,1],\"id\":1}");
				assertThat(single.get("result").get("success").asBoolean()).isTrue();
			});
	}

	@Test
	void userRegistryIsUsedAndFilled() {
		CommandRegistry mine = CommandRegistry.create();
		this.runner.withUserConfiguration(MathConfiguration.class)
			.withBean("myRegistry", CommandRegistry.class, () -> mine)
			.run((context) -> {
				assertThat(context).getBean(CommandRegistry.class).isSameAs(mine);
				assertThat(mine.find("add")).isPresent();
				assertThat(mine.find("echo")).isPresent();
			});
	}

	@Test
	void userDispatcherMakesOursBackOff() {
		this.runner.withUserConfiguration(CustomDispatcherConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(JsonRpcDispatcher.class);
			assertThat(context.getBean(JsonRpcDispatcher.class))
				.isSameAs(context.getBean(CustomDispatcherConfiguration.class).dispatcher);
		});
	}

	@Test
	void userAuthorizerIsUsedByTheDispatcherAndTheListings() {
		this.runner.withUserConfiguration(MathConfiguration.class)
			.withBean(CommandAuthorizer.class, () -> (caller, command) -> !command.equals("add"))
			.run((context) -> {
				assertThat(context).hasSingleBean(CommandAuthorizer.class);
				JsonNode response = call(context.getBean(JsonRpcDispatcher.class),
						"{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,1],\"id\":1}");
				assertThat(response.get("error").get("code").asInt()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
				assertThat(context.getBean(ApiDocumentCache.class).visible(Caller.ANONYMOUS))
					.noneMatch((d) -> d.name().equals("add"));
			});
	}

	@Test
	void duplicateCommandNamesFailStartupNamingBothBeans() {
		this.runner.withUserConfiguration(DuplicateConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(DuplicateCommandException.class)
				.hasMessageContaining("'add'")
				.hasMessageContaining("mathCommands")
				.hasMessageContaining("otherMathCommands");
		});
	}

	@Test
	void reservedRpcPrefixFailsStartup() {
		this.runner.withUserConfiguration(ReservedNameConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("rpc.")
				.hasMessageContaining("reservedCommands");
		});
	}

	@Test
	void callsAreTimedByBootsMeterObservationHandler() {
		this.runner.withUserConfiguration(MathConfiguration.class)
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, ObservationAutoConfiguration.class))
			.run((context) -> {
				call(context.getBean(JsonRpcDispatcher.class),
						"{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,1],\"id\":1}");
				assertThat(context.getBean(MeterRegistry.class)
					.find("rpc.adapter.call")
					.tags("command", "add", "transport", "test", "outcome", "success", "code", "0")
					.timer()).isNotNull().satisfies((timer) -> assertThat(timer.count()).isEqualTo(1));
			});
	}

	@Test
	void callsAreObservedThroughTheContextsObservationRegistry() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.runner.withUserConfiguration(MathConfiguration.class)
			.withBean(ObservationRegistry.class, () -> observations)
			.run((context) -> {
				call(context.getBean(JsonRpcDispatcher.class),
						"{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,1],\"id\":1}");
				TestObservationRegistryAssert.assertThat(observations)
					.hasSingleObservationThat()
					.hasNameEqualTo("rpc.adapter.call")
					.hasLowCardinalityKeyValue("command", "add");
			});
	}

	@Test
	void aCallObservationConventionBeanReplacesTheDefault() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.runner.withUserConfiguration(MathConfiguration.class)
			.withBean(ObservationRegistry.class, () -> observations)
			.withBean(CallObservationConvention.class, () -> new DefaultCallObservationConvention() {
				@Override
				public String getName() {
					return "my.calls";
				}
			})
			.run((context) -> {
				call(context.getBean(JsonRpcDispatcher.class),
						"{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,1],\"id\":1}");
				TestObservationRegistryAssert.assertThat(observations)
					.hasSingleObservationThat()
					.hasNameEqualTo("my.calls");
			});
	}

	@Test
	void rpcDiscoverIsServed() {
		this.runner.withUserConfiguration(MathConfiguration.class).run((context) -> {
			JsonNode response = call(context.getBean(JsonRpcDispatcher.class),
					"{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}");
			assertThat(response.get("result").get("methods").valueStream().map((m) -> m.get("name").asString()))
				.contains("add", "echo");
		});
	}

	public static class MathCommands {

		@JsonRpcCommand(name = "add", description = "Add two non-negative ints")
		public int add(@CommandParam("a") @Min(0) int a, @CommandParam("b") int b) {
			return a + b;
		}

	}

	public static class ReservedCommands {

		@JsonRpcCommand(name = "rpc.mine")
		public int mine() {
			return 1;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MathConfiguration {

		@Bean
		MathCommands mathCommands() {
			return new MathCommands();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateConfiguration {

		@Bean
		MathCommands mathCommands() {
			return new MathCommands();
		}

		@Bean
		MathCommands otherMathCommands() {
			return new MathCommands();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReservedNameConfiguration {

		@Bean
		ReservedCommands reservedCommands() {
			return new ReservedCommands();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomDispatcherConfiguration {

		final JsonRpcDispatcher dispatcher = JsonRpcDispatcher
			.builder(CommandRegistry.create(), JsonMapper.builder().build())
			.build();

		@Bean
		JsonRpcDispatcher customDispatcher() {
			return this.dispatcher;
		}

	}

}
