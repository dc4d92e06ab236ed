package dev.rpcadapter.autoconfigure.registration;

import java.util.List;

import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registers the {@code registration_status} command, which answers the registration state
 * (the same fields as {@code components.registration} in {@code /health}). A user command
 * of that name wins.
 */
final class RegistrationStatusCommand implements SmartInitializingSingleton {

	static final String NAME = "registration_status";

	private final CommandRegistry registry;

	private final RegistrationState state;

	RegistrationStatusCommand(CommandRegistry registry, RegistrationState state) {
		this.registry = registry;
		this.state = state;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.registry.find(NAME).isEmpty()) {
			this.registry.register(command());
		}
	}

	Command command() {
		JsonNodeFactory json = JsonNodeFactory.instance;
		ObjectNode result = json.objectNode().put("type", "object");
		ObjectNode properties = result.putObject("properties");
		properties.putObject("state")
			.put("type", "string")
			.put("description", "disabled, registering, registered, failed-retrying or failed");
		properties.putObject("server_id").put("type", "string");
		properties.putObject("server_url").put("type", "string");
		properties.putObject("last_success").put("type", "string").put("format", "date-time");
		properties.putObject("last_error").put("type", "string");
		properties.putObject("attempts").put("type", "integer");
		properties.putObject("next_attempt").put("type", "string").put("format", "date-time");
		CommandDescriptor descriptor = CommandDescriptor.builder(NAME)
			.description("State of this server's registration with the proxy")
			.paramsSchema(json.objectNode().put("type", "object").put("additionalProperties", false))
			.resultSchema(result)
			.acceptsExtraParams(false)
			.source("built-in (registration)")
			.build();
		return new Command(descriptor, (params) -> {
			if (params != null && !params.isEmpty()) {
				throw new JsonRpcException(JsonRpcError.invalidParams(
						List.of(new JsonRpcError.ParamError("params", "registration_status takes no params"))));
			}
			return (caller, job) -> Mono.fromSupplier(() -> this.state.snapshot().toMap());
		});
	}

}
