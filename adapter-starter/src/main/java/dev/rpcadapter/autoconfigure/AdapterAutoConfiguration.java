package dev.rpcadapter.autoconfigure;

import java.util.List;

import dev.rpcadapter.autoconfigure.diagnostics.AdapterSecurityConfigurationException;
import dev.rpcadapter.autoconfigure.diagnostics.QueueRequiredException;
import dev.rpcadapter.autoconfigure.internal.BuiltinCommands;
import dev.rpcadapter.autoconfigure.internal.CommandRegistrar;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.discovery.ApiInfo;
import dev.rpcadapter.dispatch.CallObservationConvention;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import dev.rpcadapter.dispatch.DispatchLimits;
import dev.rpcadapter.dispatch.JobSubmitter;
import dev.rpcadapter.dispatch.JsonRpcDispatcher;
import dev.rpcadapter.health.HealthComponent;
import dev.rpcadapter.method.AnnotatedCommandFactory;
import dev.rpcadapter.method.MethodCommandFactory;
import dev.rpcadapter.schema.SchemaGenerator;
import dev.rpcadapter.transfer.Transfers;
import dev.rpcadapter.web.AdapterHealth;
import dev.rpcadapter.web.ApiDocumentCache;
import io.micrometer.observation.ObservationRegistry;
import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import dev.rpcadapter.web.CallerRunsScheduler;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter's core: the command registry filled from {@code @JsonRpcCommand} beans, the
 * built-in commands, the dispatcher, API documents and health.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration" })
@ConditionalOnProperty(prefix = "adapter", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({ AdapterJsonRpcProperties.class, AdapterHttpEndpointsProperties.class,
		AdapterWebSocketProperties.class, AdapterInfoProperties.class })
public final class AdapterAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CommandRegistry commandRegistry() {
		return CommandRegistry.create();
	}

	@Bean
	@ConditionalOnMissingBean
	SchemaGenerator commandSchemaGenerator(ObjectProvider<ObjectMapper> mapper) {
		return SchemaGenerator.create(mapper.getIfAvailable(() -> JsonMapper.builder().build()));
	}

	@Bean
	@ConditionalOnMissingBean
	AnnotatedCommandFactory annotatedCommandFactory(ObjectProvider<ObjectMapper> mapper, SchemaGenerator schemas,
			ObjectProvider<Validator> validator, ObjectProvider<Transfers> transfers,
			ObjectProvider<CallerRunsScheduler> callerRuns) {
		// blocking commands: the worker pool, or (servlet transport) the request's own
		// thread where it may block
		CallerRunsScheduler requestThreads = callerRuns.getIfAvailable();
		Scheduler blocking = (requestThreads != null) ? requestThreads : Schedulers.boundedElastic();
		// transfers are looked up per call: TransferRef params and job artifacts use them
		// when on
		return new MethodCommandFactory(mapper.getIfAvailable(() -> JsonMapper.builder().build()), schemas,
				validator.getIfAvailable(), blocking, transfers::getIfAvailable);
	}

	@Bean
	static CommandRegistrar jsonRpcCommandRegistrar(ObjectProvider<CommandRegistry> registry,
			ObjectProvider<AnnotatedCommandFactory> factory) {
		return new CommandRegistrar(registry, factory);
	}

	@Bean
	@ConditionalOnMissingBean
	CommandAuthorizer commandAuthorizer() {
		return CommandAuthorizer.ALLOW_ALL;
	}

	@Bean
	@ConditionalOnMissingBean
	AdapterHealth adapterHealth(CommandRegistry registry, ObjectProvider<HealthComponent> components, ApiInfo info,
			AdapterHttpEndpointsProperties http) {
		return new AdapterHealth(registry, components.orderedStream().toList(), info.version(), info.title(),
				http.getHealthCache());
	}

	@Bean
	SmartInitializingSingleton builtinCommandsRegistration(CommandRegistry registry, CommandAuthorizer authorizer,
			AdapterHealth health, ApiInfo info, ObjectProvider<JobSubmitter> jobSubmitter) {
		return () -> {
			BuiltinCommands.all(registry, authorizer, health, info)
				.stream()
				.filter((command) -> registry.find(command.name()).isEmpty())
				.forEach(registry::register);
			List<String> queued = registry.all()
				.stream()
				.filter((c) -> c.descriptor().queued())
				.map(Command::name)
				.toList();
			if (!queued.isEmpty() && jobSubmitter.getIfAvailable() == null) {
				throw new QueueRequiredException(queued);
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	ApiInfo adapterApiInfo(AdapterInfoProperties info, AdapterJsonRpcProperties jsonRpc,
			AdapterHttpEndpointsProperties http, Environment environment) {
		String name = info.getName().isEmpty() ? environment.getProperty("spring.application.name", "rpc-adapter")
				: info.getName();
		return new ApiInfo(name, info.getVersion(), info.getDescription(), jsonRpc.getPath(), http.getCmdPath());
	}

	@Bean
	@ConditionalOnMissingBean
	ApiDocumentCache apiDocumentCache(CommandRegistry registry, CommandAuthorizer authorizer, ApiInfo info,
			ObjectProvider<ObjectMapper> mapper, AdapterInfoProperties infoProperties, Environment environment) {
		return new ApiDocumentCache(registry, authorizer, info,
				mapper.getIfAvailable(() -> JsonMapper.builder().build()), infoProperties.configuredUrl(environment));
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcDispatcher jsonRpcDispatcher(CommandRegistry registry, ObjectProvider<ObjectMapper> mapper,
			AdapterJsonRpcProperties properties, CommandAuthorizer authorizer,
			ObjectProvider<JobSubmitter> jobSubmitter, ApiDocumentCache documents,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<CallObservationConvention> observationConvention,
			ObjectProvider<JsonRpcDispatcherCustomizer> customizers) {
		ObjectMapper objectMapper = mapper.getIfAvailable(() -> JsonMapper.builder().build());
		JsonRpcDispatcher.Builder builder = JsonRpcDispatcher.builder(registry, objectMapper)
			.limits(new DispatchLimits(properties.getMaxBatchSize(), properties.getMaxNestingDepth(),
					properties.getMaxStringLength(), properties.getDefaultTimeout()))
			.resultFormat(properties.getResultFormat())
			.authorizer(authorizer)
			.jobSubmitter(jobSubmitter.getIfAvailable())
			// calls are observed (rpc.adapter.call: metrics, spans) through Boot's
			// registry when there is one
			.observationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfUnique())
			.systemMethod("rpc.discover", (params, context) -> reactor.core.publisher.Mono.fromSupplier(
					() -> objectMapper.readTree(documents.openRpc(context.caller(), context.baseUrl().get()))));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/**
	 * {@code adapter.security.enabled=true} needs the security module and Spring Security
	 * on the classpath: without them the endpoints would run open, so startup stops
	 * instead.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "adapter.security", name = "enabled", havingValue = "true")
	static class SecurityRequiredConfiguration {

		private static final String[] REQUIRED = { "dev.rpcadapter.security.token.TokenRegistry",
				"org.springframework.security.authentication.ReactiveAuthenticationManager" };

		@Bean
		static String adapterSecurityClasspathCheck(ResourceLoader resources) {
			for (String type : REQUIRED) {
				if (!ClassUtils.isPresent(type, resources.getClassLoader())) {
					throw new AdapterSecurityConfigurationException(
							"adapter.security.enabled is true but " + type
									+ " is not on the classpath, so the adapter's endpoints would run without security",
							"Add the dev.rpcadapter:adapter-security dependency (it brings Spring Security), or set "
									+ "adapter.security.enabled=false");
				}
			}
			return "present";
		}

	}

}
