package dev.rpcadapter.proxy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The proxy's JSON-RPC commands. {@code server_help} is named so because the adapter
 * already has a built-in {@code help} (this proxy's own commands).
 */
@Component
class ProxyCommands {

	private final ServerCatalog catalog;

	private final ServerClient client;

	ProxyCommands(ServerCatalog catalog, ServerClient client) {
		this.catalog = catalog;
		this.client = client;
	}

	@JsonRpcCommand(name = "list_servers", description = "The registered servers, a page at a time")
	public Map<String, Object> listServers(
			@CommandParam(value = "page", defaultValue = "1", description = "Page number, from 1") int page,
			@CommandParam(value = "page_size", defaultValue = "100",
					description = "Servers per page, 1..1000") int pageSize) {
		return page(this.catalog.all(), Math.max(1, page), Math.min(1000, Math.max(1, pageSize)));
	}

	@JsonRpcCommand(name = "call_server",
			description = "Call a command on a registered server; answers its result, or its error unchanged")
	public Mono<JsonNode> callServer(
			@CommandParam(value = "server_id", description = "The server to call") String serverId,
			@CommandParam(value = "command", description = "The command (JSON-RPC method) to call") String command,
			@CommandParam(value = "params", required = false,
					description = "The command's params") Optional<JsonNode> params) {
		RegisteredServer server = server(serverId);
		return this.client.call(server, command, params.orElse(NullNode.getInstance()));
	}

	@JsonRpcCommand(name = "server_help",
			description = "A registered server's commands (its /commands), or one of them when command is given")
	public Mono<JsonNode> serverHelp(@CommandParam(value = "server_id", description = "The server") String serverId,
			@CommandParam(value = "command", required = false,
					description = "Only this command") Optional<String> command) {
		RegisteredServer server = server(serverId);
		return this.client.commands(server).map((commands) -> {
			if (command.isEmpty()) {
				return commands;
			}
			JsonNode one = commands.get(command.get());
			if (one == null) {
				throw new CommandException(-32000,
						"COMMAND_NOT_FOUND: '" + serverId + "' has no command '" + command.get() + "'",
						Map.of("error_code", "COMMAND_NOT_FOUND", "server_id", serverId));
			}
			return one;
		});
	}

	private RegisteredServer server(String serverId) {
		return this.catalog.find(serverId)
			.orElseThrow(
					() -> new CommandException(-32000, "SERVER_NOT_FOUND: no server '" + serverId + "' is registered",
							Map.of("error_code", "SERVER_NOT_FOUND", "server_id", serverId)));
	}

	static Map<String, Object> page(List<RegisteredServer> all, int page, int pageSize) {
		int from = Math.min(all.size(), (page - 1) * pageSize);
		int to = Math.min(all.size(), from + pageSize);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("servers", all.subList(from, to).stream().map(RegisteredServer::toMap).toList());
		answer.put("total", all.size());
		answer.put("page", page);
		answer.put("page_size", pageSize);
		return answer;
	}

}
