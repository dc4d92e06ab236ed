package dev.rpcadapter.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.discovery.ApiDocuments;
import dev.rpcadapter.discovery.ApiInfo;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import dev.rpcadapter.support.BoundedMemo;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * The API documents, generated once per registry change and per set of visible commands,
 * and kept as bytes. Thread-safe: concurrent requests share one generation.
 *
 * <p>
 * The OpenRPC document's absolute server URL depends on how the client reached the
 * server, so it is not part of the cache key (a client choosing {@code Host} headers
 * could otherwise fill the cache): the document is cached once with a placeholder and the
 * URL is spliced in per request.
 */
public final class ApiDocumentCache {

	private static final String PLACEHOLDER = "urn:rpc-adapter:server-url";

	private final CommandRegistry registry;

	private final CommandAuthorizer authorizer;

	private final ApiInfo info;

	private final ObjectMapper mapper;

	private final String configuredUrl;

	private final BoundedMemo<Key, byte[]> cache = new BoundedMemo<>(256);

	public ApiDocumentCache(CommandRegistry registry, CommandAuthorizer authorizer, ApiInfo info, ObjectMapper mapper) {
		this(registry, authorizer, info, mapper, "");
	}

	/**
	 * @param configuredUrl the URL clients reach the server at ({@code adapter.info.url},
	 * else {@code adapter.registration.advertised-url}); empty to take it from each
	 * request
	 */
	public ApiDocumentCache(CommandRegistry registry, CommandAuthorizer authorizer, ApiInfo info, ObjectMapper mapper,
			String configuredUrl) {
		this.registry = registry;
		this.authorizer = authorizer;
		this.info = info;
		this.mapper = mapper;
		this.configuredUrl = stripSlash(configuredUrl);
	}

	public byte[] openApi(Caller caller) {
		return get("openapi", caller, ApiDocuments::openApi);
	}

	/**
	 * @param requestBaseUrl the absolute URL the client reached the server at, or
	 * {@code null} if unknown; a configured URL takes precedence
	 */
	public byte[] openRpc(Caller caller, @Nullable String requestBaseUrl) {
		byte[] template = get("openrpc", caller, (commands, info) -> ApiDocuments.openRpc(commands, info, PLACEHOLDER));
		String base = !this.configuredUrl.isEmpty() ? this.configuredUrl
				: (requestBaseUrl != null) ? stripSlash(requestBaseUrl) : "http://localhost";
		return splice(template, this.mapper.writeValueAsBytes(base + this.info.jsonRpcPath()));
	}

	/** The commands the caller may call, sorted by name. */
	public List<CommandDescriptor> visible(Caller caller) {
		return this.registry.all()
			.stream()
			.filter((command) -> this.authorizer.isAllowed(caller, command.name()))
			.map(Command::descriptor)
			.toList();
	}

	private byte[] get(String kind, Caller caller, BiFunction<List<CommandDescriptor>, ApiInfo, Object> builder) {
		List<CommandDescriptor> visible = visible(caller);
		Key key = new Key(kind, this.registry.version(), visible.stream().map(CommandDescriptor::name).toList());
		return this.cache.computeIfAbsent(key, (k) -> this.mapper.writeValueAsBytes(builder.apply(visible, this.info)));
	}

	/**
	 * The template with its one quoted placeholder replaced by {@code quotedUrl} (a JSON
	 * string).
	 */
	private static byte[] splice(byte[] template, byte[] quotedUrl) {
		byte[] marker = ('"' + PLACEHOLDER + '"').getBytes(StandardCharsets.UTF_8);
		int at = indexOf(template, marker);
		ByteArrayOutputStream out = new ByteArrayOutputStream(template.length + quotedUrl.length);
		out.write(template, 0, at);
		out.writeBytes(quotedUrl);
		out.write(template, at + marker.length, template.length - at - marker.length);
		return out.toByteArray();
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		for (int i = 0; i <= bytes.length - part.length; i++) {
			if (bytes[i] == part[0] && Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
				return i;
			}
		}
		throw new IllegalStateException("No server URL placeholder in the OpenRPC document");
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private record Key(String kind, long version, List<String> names) {
	}

}
