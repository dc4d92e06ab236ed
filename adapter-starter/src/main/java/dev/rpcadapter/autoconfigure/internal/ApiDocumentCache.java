package dev.rpcadapter.autoconfigure.internal;

import java.util.List;
import java.util.function.BiFunction;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.core.internal.BoundedMemo;
import dev.rpcadapter.discovery.ApiDocuments;
import dev.rpcadapter.discovery.ApiInfo;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import tools.jackson.databind.ObjectMapper;

/**
 * The API documents, generated once per registry change and per set of visible commands, and
 * kept as bytes. Thread-safe: concurrent requests share one generation.
 */
public final class ApiDocumentCache {

	private final CommandRegistry registry;

	private final CommandAuthorizer authorizer;

	private final ApiInfo info;

	private final ObjectMapper mapper;

	private final BoundedMemo<Key, byte[]> cache = new BoundedMemo<>(256);

	public ApiDocumentCache(CommandRegistry registry, CommandAuthorizer authorizer, ApiInfo info, ObjectMapper mapper) {
		this.registry = registry;
		this.authorizer = authorizer;
		this.info = info;
		this.mapper = mapper;
	}

	public byte[] openApi(Caller caller) {
		return get("openapi", caller, ApiDocuments::openApi);
	}

	public byte[] openRpc(Caller caller) {
		return get("openrpc", caller, ApiDocuments::openRpc);
	}

	/** The commands the caller may call, sorted by name. */
	public List<CommandDescriptor> visible(Caller caller) {
		return this.registry.all().stream()
			.filter((command) -> this.authorizer.isAllowed(caller, command.name()))
			.map(Command::descriptor)
			.toList();
	}

	private byte[] get(String kind, Caller caller, BiFunction<List<CommandDescriptor>, ApiInfo, Object> builder) {
		List<CommandDescriptor> visible = visible(caller);
		Key key = new Key(kind, this.registry.version(), visible.stream().map(CommandDescriptor::name).toList());
		return this.cache.computeIfAbsent(key, (k) -> this.mapper.writeValueAsBytes(builder.apply(visible, this.info)));
	}

	private record Key(String kind, long version, List<String> names) {
	}
}
